package dev.wharf.operator.render;

import dev.wharf.operator.api.TransferServer;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The copied files the server re-reads while it runs, so a change to them must reach the running pod
 * instead of rolling it: the password file, the grid-mapfile, the Kerberos keytab and principal map
 * (re-read at the next login when their stamp changes, so a new key version or a new user needs no
 * restart) and the whole trust-anchors directory (CAs, signing policies, CRLs: re-listed every few
 * seconds). They are mounted as whole Secret volumes, never by subPath, because the kubelet updates a
 * Secret volume by swapping its {@code ..data} symlink, which a subPath mount never sees. Everything else
 * the pod reads (server.conf, TLS and host key pairs, krb5.conf) is read once at start and stays in the
 * config hash.
 */
public final class ReloadableFiles {

    /** Keys of the credentials Secret that the server re-reads. */
    static final Set<String> CREDENTIAL_KEYS = Set.of(Layout.PASSWD, Layout.GRID_MAPFILE, Layout.KEYTAB, Layout.PRINCIPAL_MAP);

    private ReloadableFiles() {
    }

    /**
     * The copied Secrets as far as a running server cannot pick them up: reloadable keys removed, the
     * trust-anchors Secret left out. Only for hashing; never applied.
     */
    public static List<Secret> readAtStartOnly(TransferServer ts, List<Secret> copies) {
        String trustAnchors = ObjectNames.trustAnchors(ts);
        return copies.stream()
                .filter(s -> !trustAnchors.equals(s.getMetadata().getName()))
                .map(ReloadableFiles::withoutReloadableKeys)
                .toList();
    }

    private static Secret withoutReloadableKeys(Secret s) {
        Map<String, String> data = new TreeMap<>(s.getData() == null ? Map.of() : s.getData());
        data.keySet().removeAll(CREDENTIAL_KEYS);
        return new SecretBuilder().withNewMetadata().withName(s.getMetadata().getName()).endMetadata().withData(data).build();
    }
}
