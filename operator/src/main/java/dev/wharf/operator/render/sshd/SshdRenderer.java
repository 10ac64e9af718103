package dev.wharf.operator.render.sshd;

import dev.wharf.operator.api.SecretKeyRef;
import dev.wharf.operator.api.SshdSpec;
import dev.wharf.operator.api.TransferServer;
import dev.wharf.operator.render.ObjectNames;
import dev.wharf.operator.render.secrets.CredentialsResult;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The objects of the sshd sidecar: ConfigMap {@code <base>-ssh} (sshd_config, ssh_config, known_hosts, the
 * start script, passwd, group; part of the pod's config hash, since sshd reads them at start), Secret
 * {@code <base>-ssh} (the job's keys and the user's authorized keys; read at every login, so not hashed) and
 * ConfigMap {@code <base>-hosts} (/var/hostsfile; changes as pods come and go, so not hashed either).
 */
public final class SshdRenderer {

    /** Condition reason: the sshd port is below 1024, which a non-root sshd cannot bind. */
    public static final String SSHD_PORT_PRIVILEGED = "SshdPortPrivileged";
    /** The first port a process without CAP_NET_BIND_SERVICE may bind on the node's network. */
    static final int FIRST_UNPRIVILEGED_PORT = 1024;

    private SshdRenderer() {
    }

    /** What the sidecar needs: its three objects, or why it cannot run. */
    public sealed interface Result {
    }

    /** @param config ConfigMap {@code <base>-ssh}; @param keys Secret {@code <base>-ssh}; @param hosts ConfigMap {@code <base>-hosts} */
    public record Objects(ConfigMap config, Secret keys, ConfigMap hosts) implements Result {
        public List<HasMetadata> all() {
            return List.of(keys, config, hosts);
        }
    }

    public record Refused(String reason, String message) implements Result {
    }

    /**
     * @param ts          a TransferServer with {@code spec.sshd.enabled}
     * @param userSecrets Secrets of its namespace by name
     * @param keys        the job's keys (kept from its Secret, or new)
     * @param hosts       {@link HostsFile#hosts} of its pods now
     * @param nodeHosts   node name → endpoint host of the nodes it may run on
     * @param port        the allocated sshd port
     * @param namespace   the data-plane namespace
     */
    public static Result render(TransferServer ts, Map<String, Secret> userSecrets, JobSshKeys keys, List<String> hosts,
            Map<String, String> nodeHosts, int port, String namespace) {
        SshdSpec sshd = ts.getSpec().sshd;
        if (port < FIRST_UNPRIVILEGED_PORT) {
            return new Refused(SSHD_PORT_PRIVILEGED, "the sshd port " + port + " is below 1024, which the sidecar "
                    + "cannot bind: it runs as uid " + sshd.user.uid + " without capabilities. Set spec.sshd.port to a port "
                    + "of the pool's control block from 1024 up, or ask the admin for a control block above 1023");
        }
        SecretKeyRef ref = sshd.authorizedKeysSecret;
        Secret secret = userSecrets.get(ref.name);
        if (secret == null) {
            return new Refused(CredentialsResult.SECRET_MISSING, "Secret " + ref.name
                    + " (sshd.authorizedKeysSecret) does not exist in the TransferServer's namespace");
        }
        String key = ref.keyOr(SshdLayout.AUTHORIZED_KEYS);
        String authorized = secret.getData() == null ? null : secret.getData().get(key);
        if (authorized == null) {
            return new Refused(CredentialsResult.SECRET_KEY_MISSING, "Secret " + ref.name
                    + " (sshd.authorizedKeysSecret) has no key '" + key + "'");
        }
        if (!hasKeyLine(authorized)) {
            return new Refused(CredentialsResult.INVALID_CREDENTIAL, "Secret " + ref.name + " (sshd.authorizedKeysSecret) key '"
                    + key + "' holds no public key; put your public key(s) there, one per line (e.g. ~/.ssh/id_ed25519.pub)");
        }
        String owner = ts.getMetadata().getNamespace() + "/" + ts.getMetadata().getName();
        Map<String, String> files = new TreeMap<>();
        files.put(SshdLayout.SSHD_CONFIG, SshdConfigRenderer.render(sshd, port, owner));
        files.put(SshdLayout.SSH_CONFIG, SshClientConfigRenderer.sshConfig(ts, port));
        files.put(SshdLayout.KNOWN_HOSTS, SshClientConfigRenderer.knownHosts(ts, keys));
        files.put(SshdLayout.START_SCRIPT, SidecarFiles.startScript(ts, namespace));
        files.put(SshdLayout.PASSWD, SidecarFiles.passwd(sshd.user));
        files.put(SshdLayout.GROUP, SidecarFiles.group(sshd.user));
        Map<String, String> secretData = new TreeMap<>();
        secretData.put(SshdLayout.IDENTITY, base64(keys.identity().privateKey()));
        secretData.put(SshdLayout.IDENTITY_PUB, base64(keys.identity().publicKey() + "\n"));
        secretData.put(SshdLayout.HOST_CA, base64(keys.hostCa().privateKey()));
        secretData.put(SshdLayout.HOST_CA_PUB, base64(keys.hostCa().publicKey() + "\n"));
        secretData.put(SshdLayout.AUTHORIZED_KEYS, base64(withFinalNewline(decode(authorized))));
        return new Objects(
                new ConfigMapBuilder().withMetadata(ObjectNames.metadata(ts, ObjectNames.ssh(ts), namespace)).withData(files).build(),
                new SecretBuilder().withMetadata(ObjectNames.metadata(ts, ObjectNames.ssh(ts), namespace)).withType("Opaque")
                        .withData(secretData).build(),
                new ConfigMapBuilder().withMetadata(ObjectNames.metadata(ts, ObjectNames.hosts(ts), namespace))
                        .withData(new TreeMap<>(Map.of(SshdLayout.HOSTSFILE_KEY, HostsFile.render(hosts),
                                SshdLayout.ENDPOINT_HOSTS_KEY, HostsFile.endpointHosts(nodeHosts)))).build());
    }

    /** At least one line that is neither blank nor a comment. */
    private static boolean hasKeyLine(String base64) {
        return decode(base64).lines().map(String::strip).anyMatch(l -> !l.isEmpty() && !l.startsWith("#"));
    }

    private static String decode(String base64) {
        try {
            return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static String withFinalNewline(String text) {
        return text.endsWith("\n") ? text : text + "\n";
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
