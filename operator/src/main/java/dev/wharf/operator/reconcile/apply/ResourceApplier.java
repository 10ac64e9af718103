package dev.wharf.operator.reconcile.apply;

import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * Writes a rendered object to the API server so that it matches what was rendered. The seam exists
 * because production uses server-side apply, which the Fabric8 mock API server used by the tests
 * does not implement (it answers HTTP 415).
 */
public interface ResourceApplier {

    /** Field manager name used for every write, so `kubectl get --show-managed-fields` names us. */
    String FIELD_MANAGER = "wharf-operator";

    enum Outcome { CREATED, UPDATED, UNCHANGED }

    /** Creates or updates {@code desired}; writes nothing when the object already matches. */
    Outcome apply(HasMetadata desired);
}
