package dev.wharf.operator.reconcile.apply;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Objects;

/**
 * Server-side apply with force: the operator owns every field it renders, drops the fields it no
 * longer renders, and leaves fields other managers own alone. An apply that changes nothing does
 * not move the resourceVersion, which is how a write is told from a no-op.
 */
public final class ServerSideApplier implements ResourceApplier {

    private final KubernetesClient client;

    public ServerSideApplier(KubernetesClient client) {
        this.client = client;
    }

    @Override
    public Outcome apply(HasMetadata desired) {
        HasMetadata before = client.resource(desired).get();
        HasMetadata after = client.resource(desired).fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply();
        if (before == null) {
            return Outcome.CREATED;
        }
        boolean moved = !Objects.equals(before.getMetadata().getResourceVersion(), after.getMetadata().getResourceVersion());
        return moved ? Outcome.UPDATED : Outcome.UNCHANGED;
    }
}
