package dev.wharf.deploy.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** examples/ covers what the user guide promises, and each file can be applied as it is. */
class ExamplesAreCompleteTest {
    /** Secret references of a TransferServer: JSON pointer → the key a missing key defaults to. */
    private static final Map<String, String> SECRET_REFS = Map.of(
            "/spec/authentication/passwordFile", "passwd",
            "/spec/authentication/gridMapfile", "grid-mapfile",
            "/spec/authentication/hostCredentialSecret", "",
            "/spec/authentication/trustAnchorsSecret", "",
            "/spec/authentication/tlsSecret", "",
            "/spec/sshd/authorizedKeysSecret", "authorized_keys",
            "/spec/authentication/kerberos/keytabSecret", "krb5.keytab",
            "/spec/authentication/kerberos/principalMap", "principal-map",
            "/spec/authentication/kerberos/krb5Conf", "krb5.conf");

    private final List<Examples.Document> docs = Examples.all();

    @Test
    void coversEveryScenarioTheGuidesUse() {
        assertScenario("a hostPath StoragePool", d -> d.kind().equals("StoragePool")
                && d.object().at("/spec/storage/hostPath/path").isTextual());
        assertScenario("a TransferServer with password logins", d -> d.kind().equals("TransferServer")
                && d.object().at("/spec/authentication/passwordFile").isObject());
        assertScenario("a TransferServer with GSI", d -> d.kind().equals("TransferServer")
                && d.object().at("/spec/doors/gsiftp").isObject()
                && d.object().at("/spec/authentication/hostCredentialSecret").isObject());
        assertScenario("a read-only anonymous TransferServer", d -> d.kind().equals("TransferServer")
                && d.object().at("/spec/authentication/anonymous/enabled").asBoolean(false)
                && !d.object().at("/spec/authentication/usernamePassword").asBoolean(true)
                && !d.object().at("/spec/doorOptions/overwrite").asBoolean(true));
        assertScenario("a TransferServer with the sshd sidecar", d -> d.kind().equals("TransferServer")
                && d.object().at("/spec/sshd/enabled").asBoolean(false));
        assertScenario("a TransferServer with Kerberos doors", d -> d.kind().equals("TransferServer")
                && d.object().at("/spec/doors/krbftp").isObject() && d.object().at("/spec/doors/krbdcap").isObject()
                && d.object().at("/spec/authentication/kerberos/keytabSecret").isObject());
        assertScenario("a TransferServer with SRM", d -> d.kind().equals("TransferServer")
                && d.object().at("/spec/doors/srm").isObject()
                && d.object().at("/spec/authentication/hostCredentialSecret").isObject());
        assertScenario("a TransferServer behind a PROXY load balancer", d -> d.kind().equals("TransferServer")
                && d.object().at("/spec/doorOptions/proxyProtocol").asBoolean(false)
                && d.object().at("/spec/doorOptions/proxyTrusted").size() > 0);
    }

    @Test
    void everyTransferServerNamesAPoolFromTheExamples() {
        Set<String> pools = Set.copyOf(docs.stream().filter(d -> d.kind().equals("StoragePool")).map(Examples.Document::name).toList());
        for (Examples.Document d : docs) {
            if (d.kind().equals("TransferServer")) {
                assertTrue(pools.contains(d.object().path("spec").path("pool").asText()), d + " names an unknown pool");
            }
        }
    }

    /**
     * A Secret a TransferServer needs is either in the same file (so `kubectl apply -f FILE` works) or made
     * from the user's own files, and then the file's comments show the `kubectl create secret` for it.
     */
    @Test
    void everyReferencedSecretIsInTheFileOrMadeByACommandItShows() throws IOException {
        for (Examples.Document d : docs) {
            if (!d.kind().equals("TransferServer")) {
                continue;
            }
            List<Examples.Document> sameFile = docs.stream().filter(o -> o.file().equals(d.file())).toList();
            String text = Files.readString(d.file());
            for (var ref : SECRET_REFS.entrySet()) {
                JsonNode r = d.object().at(ref.getKey());
                if (r.isMissingNode()) {
                    continue;
                }
                String name = r.path("name").asText();
                String key = r.path("key").asText(ref.getValue());
                var secret = sameFile.stream().filter(o -> o.kind().equals("Secret") && o.name().equals(name)).findFirst();
                if (secret.isPresent()) {
                    JsonNode data = secret.get().object().path("stringData");
                    assertTrue(key.isEmpty() || data.has(key), d + ": Secret " + name + " lacks key " + key);
                } else {
                    assertTrue(text.contains("create secret") && text.contains(" " + name + " "),
                            d + ": Secret " + name + " is neither in the file nor made by a command its comments show");
                }
            }
        }
    }

    @Test
    void secretsAreWellFormed() {
        for (Examples.Document d : docs) {
            if (!d.kind().equals("Secret")) {
                continue;
            }
            Secret s = Serialization.unmarshal(d.object().toString(), Secret.class);
            assertFalse(s.getStringData().isEmpty(), d.toString());
            String passwd = s.getStringData().get("passwd");
            if (passwd != null) {
                for (String line : passwd.strip().split("\n")) {
                    String[] f = line.split(":", -1);
                    assertEquals(7, f.length, "user:hash:uid:gid:gecos:home:shell in " + d);
                    assertTrue(f[1].startsWith("$6$"), "SHA-512 crypt hash in " + d);
                }
            }
            String keys = s.getStringData().get("authorized_keys");
            if (keys != null) {
                assertTrue(keys.strip().startsWith("ssh-ed25519 ") || keys.strip().startsWith("ssh-rsa "), d.toString());
            }
        }
    }

    @Test
    void wharfObjectsLeaveTheNamespaceToKubectl() {
        for (Examples.Document d : docs) {
            assertTrue(d.object().path("metadata").path("namespace").isMissingNode(),
                    d + ": examples are applied with kubectl -n NAMESPACE; they name none themselves");
        }
    }

    private void assertScenario(String what, Predicate<Examples.Document> p) {
        assertTrue(docs.stream().anyMatch(p), "examples/ lacks " + what);
    }
}
