package dev.wharf.operator.reconcile.apply;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * Read, compare, then create or replace. Used where server-side apply is missing (the tests' mock
 * API server). The comparison keeps it idempotent: an object that already holds every rendered
 * field is not written, so re-running a reconciliation changes no resourceVersion.
 */
public final class UpdateApplier implements ResourceApplier {

    private final KubernetesClient client;

    public UpdateApplier(KubernetesClient client) {
        this.client = client;
    }

    @Override
    public Outcome apply(HasMetadata desired) {
        HasMetadata existing = client.resource(desired).get();
        if (existing == null) {
            client.resource(desired).create();
            return Outcome.CREATED;
        }
        if (JsonSubset.contains(existing, desired)) {
            return Outcome.UNCHANGED;
        }
        desired.getMetadata().setResourceVersion(existing.getMetadata().getResourceVersion());
        try {
            client.resource(desired).update();
        } finally {
            desired.getMetadata().setResourceVersion(null);
        }
        return Outcome.UPDATED;
    }
}
