package dev.wharf.operator.reconcile.observe;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How far the pods have caught up with the current pod template. The StatefulSet controller labels each
 * pod with the revision it was made from ({@code controller-revision-hash}) and publishes the current one
 * as {@code status.updateRevision}; until it has seen the newest template ({@code status.observedGeneration}
 * behind {@code metadata.generation}) every pod counts as outdated. Without a published revision (no
 * StatefulSet controller, as in the tests' mock API server) pods count as current. Pure.
 *
 * @param wanted   pods the spec asks for
 * @param updated  pods made from the current template
 * @param outdated names of pods made from an older one, sorted
 */
public record RolloutState(int wanted, int updated, List<String> outdated) {

    static final String REVISION_LABEL = "controller-revision-hash";

    public static RolloutState of(StatefulSet sts, List<Pod> pods, int wanted) {
        List<String> outdated = pods.stream().filter(p -> !current(sts, p)).map(p -> p.getMetadata().getName()).sorted().toList();
        return new RolloutState(wanted, pods.size() - outdated.size(), outdated);
    }

    public boolean complete() {
        return outdated.isEmpty();
    }

    public String summary() {
        return updated + "/" + wanted + " updated";
    }

    private static boolean current(StatefulSet sts, Pod pod) {
        if (sts == null || sts.getStatus() == null) {
            return true;
        }
        Long seen = sts.getStatus().getObservedGeneration();
        if (seen != null && sts.getMetadata().getGeneration() != null && seen < sts.getMetadata().getGeneration()) {
            return false;
        }
        String revision = sts.getStatus().getUpdateRevision();
        if (revision == null) {
            return true;
        }
        Map<String, String> labels = pod.getMetadata().getLabels();
        return labels != null && Objects.equals(revision, labels.get(REVISION_LABEL));
    }
}
