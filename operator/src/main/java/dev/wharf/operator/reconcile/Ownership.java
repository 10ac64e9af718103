package dev.wharf.operator.reconcile;

import dev.wharf.operator.api.TransferServer;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.javaoperatorsdk.operator.processing.event.source.informer.Mappers;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Ties a rendered object to its TransferServer. Owner references cannot cross namespaces, so an
 * object in the data-plane namespace carries annotations naming its TransferServer instead (mapped
 * back by {@link Mappers#fromDefaultAnnotations}) and is deleted by the finalizer; an object in the
 * TransferServer's own namespace also gets a controller owner reference, so the garbage collector
 * removes it even if the operator is gone.
 */
public final class Ownership {

    private Ownership() {
    }

    public static <T extends HasMetadata> T link(T object, TransferServer owner) {
        Map<String, String> annotations = new HashMap<>();
        if (object.getMetadata().getAnnotations() != null) {
            annotations.putAll(object.getMetadata().getAnnotations());
        }
        annotations.put(Mappers.DEFAULT_ANNOTATION_FOR_NAME, owner.getMetadata().getName());
        annotations.put(Mappers.DEFAULT_ANNOTATION_FOR_NAMESPACE, owner.getMetadata().getNamespace());
        object.getMetadata().setAnnotations(annotations);
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
