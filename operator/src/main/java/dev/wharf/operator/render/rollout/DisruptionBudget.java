package dev.wharf.operator.render.rollout;

import dev.wharf.operator.api.TransferServer;
import dev.wharf.operator.render.ObjectNames;
import dev.wharf.operator.render.RenderSettings;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;
import java.util.Optional;

/**
 * A PodDisruptionBudget for a server on more than one node: a node drain (kubectl drain, a cluster
 * upgrade, the autoscaler) evicts at most one of its pods at a time, so the others keep serving. A single
 * pod gets none, since a budget that forbids every eviction would block the admin's drain for good.
 * Pods that are not ready may always be evicted: a broken pod must never hold up a drain.
 */
public final class DisruptionBudget {

    private DisruptionBudget() {
    }

    public static Optional<PodDisruptionBudget> render(TransferServer ts, RenderSettings settings) {
        int nodes = ts.getSpec().nodes == null ? 1 : ts.getSpec().nodes;
        if (nodes < 2) {
            return Optional.empty();
        }
        return Optional.of(new PodDisruptionBudgetBuilder()
                .withMetadata(ObjectNames.metadata(ts, ObjectNames.workload(ts), settings.namespace()))
                .withNewSpec()
                .withMaxUnavailable(new IntOrString(1))
                .withNewSelector().withMatchLabels(ObjectNames.selector(ts)).endSelector()
                .withUnhealthyPodEvictionPolicy("AlwaysAllow")
                .endSpec()
                .build());
    }
}
