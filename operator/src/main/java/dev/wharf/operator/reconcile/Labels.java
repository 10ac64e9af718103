package dev.wharf.operator.reconcile;

import dev.wharf.operator.api.TransferServer;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.util.Map;
import java.util.Optional;

/** The labels that find a TransferServer's objects again, in any namespace. */
public final class Labels {

    public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    public static final String OPERATOR = "wharf-operator";
    public static final String NAME = "wharf.dev/transferserver";
    public static final String NAMESPACE = "wharf.dev/transferserver-namespace";

    private Labels() {
    }

    public static Map<String, String> selector(TransferServer ts) {
        return Map.of(MANAGED_BY, OPERATOR, NAME, ts.getMetadata().getName(), NAMESPACE, ts.getMetadata().getNamespace());
    }

    /** The TransferServer an object was rendered for, from its labels. */
    public static Optional<ResourceID> owner(HasMetadata object) {
        Map<String, String> labels = object.getMetadata().getLabels();
        if (labels == null || labels.get(NAME) == null || labels.get(NAMESPACE) == null) {
            return Optional.empty();
        }
        return Optional.of(new ResourceID(labels.get(NAME), labels.get(NAMESPACE)));
    }

    public static boolean belongsTo(HasMetadata object, TransferServer ts) {
        Map<String, String> labels = object.getMetadata().getLabels();
        return labels != null && selector(ts).entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }
}
