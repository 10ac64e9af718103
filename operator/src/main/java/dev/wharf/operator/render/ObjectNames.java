package dev.wharf.operator.render;

import dev.wharf.operator.api.TransferServer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Names, labels and annotations of everything rendered for a TransferServer. All of it lives in the
 * operator's data-plane namespace, where servers from every user namespace meet, so names carry a hash
 * of {@code namespace/name}: {@code physics/grid} and {@code physics-grid/x} can never collide.
 */
public final class ObjectNames {

    /** Label on every rendered object: the instance (the base name below). */
    public static final String INSTANCE_LABEL = "app.kubernetes.io/instance";
    public static final String NAME_LABEL = "app.kubernetes.io/name";
    public static final String COMPONENT_LABEL = "app.kubernetes.io/component";
    public static final String MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";
    public static final String MANAGED_BY = "wharf-operator";
    /** Label: the name of the owning TransferServer (the CRD limits it to 63 characters). */
    public static final String OWNER_NAME_LABEL = "wharf.dev/transferserver";
    /** Label: the user namespace of the owning TransferServer (namespaces are ≤ 63 characters). */
    public static final String OWNER_NAMESPACE_LABEL = "wharf.dev/transferserver-namespace";
    /** Label: the pool the server uses. */
    public static final String POOL_LABEL = "wharf.dev/pool";
    /**
     * Annotations naming the owning TransferServer, in JOSDK's default form, so
     * {@code Mappers.fromDefaultAnnotations()} maps events on these objects back to their primary
     * (owner references cannot cross namespaces).
     */
    public static final String PRIMARY_NAME_ANNOTATION = "io.javaoperatorsdk/primary-name";
    public static final String PRIMARY_NAMESPACE_ANNOTATION = "io.javaoperatorsdk/primary-namespace";
    /** Pod-template annotation: hash of server.conf and every copied credential; a change rolls the pods. */
    public static final String CONFIG_HASH_ANNOTATION = "wharf.dev/config-hash";

    /** Room left for suffixes: StatefulSet pods get "-N", their controller-revision label "-" + 10 chars (≤ 63). */
    private static final int MAX_BASE = 47;

    private ObjectNames() {
    }

    /** {@code ts-<namespace>-<name>} shortened, then {@code -<8 hex of sha256(namespace/name)>}; a DNS label. */
    public static String base(TransferServer ts) {
        String ns = ts.getMetadata().getNamespace();
        String name = ts.getMetadata().getName();
        return withHash(clean("ts-" + ns + "-" + name), ns + "/" + name);
    }

    /**
     * {@code readable} when it fits {@value #MAX_BASE} characters as a DNS label, else its shortened form
     * plus 8 hex characters of sha256({@code identity}).
     */
    public static String boundedName(String readable, String identity) {
        String clean = clean(readable);
        return clean.length() <= MAX_BASE && clean.equals(readable) ? clean : withHash(clean, identity);
    }

    private static String clean(String readable) {
        return readable.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
    }

    private static String withHash(String clean, String identity) {
        String hash = sha256(identity).substring(0, 8);
        int room = MAX_BASE - hash.length() - 1;
        String head = clean.length() > room ? clean.substring(0, room) : clean;
        return head.replaceAll("-+$", "") + "-" + hash;
    }

    public static String configMap(TransferServer ts) {
        return base(ts) + "-config";
    }

    public static String credentials(TransferServer ts) {
        return base(ts) + "-credentials";
    }

    public static String trustAnchors(TransferServer ts) {
        return base(ts) + "-trust-anchors";
    }

    /** The sshd sidecar's ConfigMap (configs, start script) and Secret (the job's keys) share this name. */
    public static String ssh(TransferServer ts) {
        return base(ts) + "-ssh";
    }

    /** The ConfigMap holding /var/hostsfile, kept current as pods come and go. */
    public static String hosts(TransferServer ts) {
        return base(ts) + "-hosts";
    }

    /** The StatefulSet and its headless Service share the base name. */
    public static String workload(TransferServer ts) {
        return base(ts);
    }

    /** Labels that select the pods of one TransferServer (stable for the object's life). */
    public static Map<String, String> selector(TransferServer ts) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(NAME_LABEL, "wharf-server");
        m.put(INSTANCE_LABEL, base(ts));
        return m;
    }

    /** Labels of every object rendered for a TransferServer. */
    public static Map<String, String> labels(TransferServer ts) {
        Map<String, String> m = selector(ts);
        m.put(COMPONENT_LABEL, "transfer-server");
        m.put(MANAGED_BY_LABEL, MANAGED_BY);
        m.put(OWNER_NAME_LABEL, ts.getMetadata().getName());
        m.put(OWNER_NAMESPACE_LABEL, ts.getMetadata().getNamespace());
        if (ts.getSpec().pool != null && ts.getSpec().pool.length() <= 63) {
            m.put(POOL_LABEL, ts.getSpec().pool);
        }
        return m;
    }

    /** Annotations of every object rendered for a TransferServer (which CR owns it). */
    public static Map<String, String> ownerAnnotations(TransferServer ts) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(PRIMARY_NAME_ANNOTATION, ts.getMetadata().getName());
        m.put(PRIMARY_NAMESPACE_ANNOTATION, ts.getMetadata().getNamespace());
        return m;
    }

    /** Metadata of an object rendered for a TransferServer: name, data-plane namespace, labels, owner annotations. */
    public static io.fabric8.kubernetes.api.model.ObjectMeta metadata(TransferServer ts, String name, String namespace) {
        return new io.fabric8.kubernetes.api.model.ObjectMetaBuilder()
                .withName(name)
                .withNamespace(namespace)
                .withLabels(labels(ts))
                .withAnnotations(ownerAnnotations(ts))
                .build();
    }

    public static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
