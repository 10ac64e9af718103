package dev.wharf.deploy.e2e;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Collection;
import java.util.Map;

/**
 * Whether an object in the data-plane namespace still belongs to one of the deleted TransferServers.
 * The operator links them across namespaces with JOSDK's primary annotations (owner references cannot
 * cross namespaces); as a second net, any label or annotation value, or a name, carrying
 * {@code NAMESPACE-NAME} counts too, so a leftover is never missed because of how it was linked.
 */
public final class LeftoverCheck {
    static final String PRIMARY_NAME = "io.javaoperatorsdk/primary-name";
    static final String PRIMARY_NAMESPACE = "io.javaoperatorsdk/primary-namespace";

    private LeftoverCheck() {}

    public static boolean belongsTo(HasMetadata o, String namespace, Collection<String> serverNames) {
        Map<String, String> annotations = o.getMetadata().getAnnotations() == null ? Map.of() : o.getMetadata().getAnnotations();
        Map<String, String> labels = o.getMetadata().getLabels() == null ? Map.of() : o.getMetadata().getLabels();
        if (namespace.equals(annotations.get(PRIMARY_NAMESPACE)) && serverNames.contains(annotations.get(PRIMARY_NAME))) {
            return true;
        }
        for (String name : serverNames) {
            String qualified = namespace + "-" + name;
            if (o.getMetadata().getName().startsWith(qualified)
                    || labels.values().stream().anyMatch(v -> v.equals(qualified) || v.equals(namespace + "." + name))
                    || annotations.values().stream().anyMatch(v -> v.equals(namespace + "/" + name))) {
                return true;
            }
        }
        return false;
    }
}
