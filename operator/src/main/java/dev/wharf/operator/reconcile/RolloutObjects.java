package dev.wharf.operator.reconcile;

import dev.wharf.operator.api.TransferServer;
import dev.wharf.operator.render.RenderResult.Rendered;
import dev.wharf.operator.render.RenderSettings;
import dev.wharf.operator.render.rollout.DisruptionBudget;
import dev.wharf.operator.render.rollout.StablePlacement;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.List;

/**
 * The rendered objects made safe to roll out: the running StatefulSet's node preference kept while the
 * template is otherwise unchanged ({@link StablePlacement}), and a disruption budget for a server on several
 * nodes ({@link DisruptionBudget}).
 */
final class RolloutObjects {

    private RolloutObjects() {
    }

    static List<HasMetadata> complete(TransferServer ts, Rendered rendered, StatefulSet current, RenderSettings settings) {
        StablePlacement.keep(rendered.statefulSet(), current);
        List<HasMetadata> all = new ArrayList<>(rendered.objects());
        DisruptionBudget.render(ts, settings).ifPresent(all::add);
        return all;
    }
}
