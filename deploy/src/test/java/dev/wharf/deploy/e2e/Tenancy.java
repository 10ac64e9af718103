package dev.wharf.deploy.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What the e2e run needs to know about tenants of one pool: where a server's subtree lies on the node
 * (the pool's {@code spec.layout} under its hostPath), and who a StoragePool being deleted still waits
 * for ({@code status.usedBy}). Pure, so the default build checks it without a cluster.
 */
final class Tenancy {

    private Tenancy() {}

    /** The server's subtree below the pool's storage root, from the pool's layout (default {namespace}/{name}). */
    static String subtree(JsonNode pool, String namespace, String name) {
        String layout = pool.path("spec").path("layout").asText("{namespace}/{name}");
        return layout.replace("{namespace}", namespace).replace("{name}", name);
    }

    /** The same directory as the runner sees it, {@code hostDataDir} being mounted at the pool's hostPath. */
    static Path hostSubtree(Path hostDataDir, JsonNode pool, String namespace, String name) {
        return hostDataDir.resolve(subtree(pool, namespace, name));
    }

    /** A pool is held while it is being deleted and still lists users; {@code null}: it is gone. */
    @SuppressWarnings("unchecked")
    static List<String> heldFor(GenericKubernetesResource pool) {
        if (pool == null) {
            return null;
        }
        Object status = pool.getAdditionalProperties().get("status");
        Object usedBy = status instanceof Map<?, ?> m ? m.get("usedBy") : null;
        return usedBy instanceof List<?> l ? (List<String>) l : List.of();
    }
}
