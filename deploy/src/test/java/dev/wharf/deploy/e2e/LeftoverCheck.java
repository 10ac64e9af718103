package dev.wharf.deploy.e2e;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Collection;
import java.util.Map;

/**
 * Whether an object in the data-plane namespace still belongs to one of the deleted TransferServers.
 * The operator links them across namespaces (owner references cannot) with its labels
 * {@code wharf.dev/transferserver} + {@code wharf.dev/transferserver-namespace} and JOSDK's primary
 * annotations; as a second net, a name starting with {@code NAMESPACE-NAME} (how the operator names
 * them) counts too, so a leftover is never missed because of how it was linked.
 */
public final class LeftoverCheck {
    static final String PRIMARY_NAME = "io.javaoperatorsdk/primary-name";
    static final String PRIMARY_NAMESPACE = "io.javaoperatorsdk/primary-namespace";
    static final String LABEL_NAME = "wharf.dev/transferserver";
    static final String LABEL_NAMESPACE = "wharf.dev/transferserver-namespace";

    private LeftoverCheck() {}

    public static boolean belongsTo(HasMetadata o, String namespace, Collection<String> serverNames) {
        Map<String, String> annotations = o.getMetadata().getAnnotations() == null ? Map.of() : o.getMetadata().getAnnotations();
        Map<String, String> labels = o.getMetadata().getLabels() == null ? Map.of() : o.getMetadata().getLabels();
        if (namespace.equals(annotations.get(PRIMARY_NAMESPACE)) && serverNames.contains(annotations.get(PRIMARY_NAME))) {
            return true;
        }
        if (namespace.equals(labels.get(LABEL_NAMESPACE)) && serverNames.contains(labels.get(LABEL_NAME))) {
            return true;
        }
        return serverNames.stream().anyMatch(name -> o.getMetadata().getName().startsWith(namespace + "-" + name));
    }
}
