package dev.wharf.operator.reconcile;

import dev.wharf.operator.api.TransferServer;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import java.util.List;

/**
 * Owner references where they can reach. The renderers annotate every object with the TransferServer
 * that owns it ({@code io.javaoperatorsdk/primary-name|namespace}), which is how events map back and
 * how the finalizer finds them; a reference for the garbage collector is possible only when the
 * TransferServer lives in the data-plane namespace itself (references cannot cross namespaces).
 */
public final class Ownership {

    private Ownership() {
    }

    public static <T extends HasMetadata> T link(T object, TransferServer owner) {
        if (owner.getMetadata().getNamespace().equals(object.getMetadata().getNamespace())) {
            object.getMetadata().setOwnerReferences(List.of(new OwnerReferenceBuilder()
                    .withApiVersion(owner.getApiVersion())
                    .withKind(owner.getKind())
                    .withName(owner.getMetadata().getName())
                    .withUid(owner.getMetadata().getUid())
                    .withController(true)
                    .withBlockOwnerDeletion(true)
                    .build()));
        }
        return object;
    }
}
