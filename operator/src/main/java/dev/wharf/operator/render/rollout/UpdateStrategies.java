package dev.wharf.operator.render.rollout;

import dev.wharf.operator.api.TransferServerSpec;
import dev.wharf.operator.api.UpdateStrategy;
import io.fabric8.kubernetes.api.model.apps.StatefulSetUpdateStrategy;
import io.fabric8.kubernetes.api.model.apps.StatefulSetUpdateStrategyBuilder;

/**
 * {@code spec.updateStrategy} → the StatefulSet's. {@code rolling}: the StatefulSet controller replaces one
 * pod at a time and waits for the new one's readiness before the next; {@code onDelete}: it replaces a pod
 * only when someone deletes it, and the status marks the outdated ones.
 */
public final class UpdateStrategies {

    private UpdateStrategies() {
    }

    public static StatefulSetUpdateStrategy of(TransferServerSpec spec) {
        if (spec.updateStrategy == UpdateStrategy.ON_DELETE) {
            return new StatefulSetUpdateStrategyBuilder().withType("OnDelete").build();
        }
        return new StatefulSetUpdateStrategyBuilder().withType("RollingUpdate")
                .withNewRollingUpdate().withPartition(0).endRollingUpdate().build();
    }
}
