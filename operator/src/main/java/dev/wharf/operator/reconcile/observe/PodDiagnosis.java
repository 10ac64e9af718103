package dev.wharf.operator.reconcile.observe;

import dev.wharf.operator.api.PodStatus;
import dev.wharf.operator.api.Termination;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import java.util.List;
import java.util.Optional;

/**
 * What a user needs to know about a pod they cannot {@code kubectl describe} (it lives in the data-plane
 * namespace): its phase, the server container's restarts, why it is not running (the scheduler's
 * message, or the container's waiting reason), and how the container last ended, with the log tail the
 * kubelet keeps as termination message ({@code FallbackToLogsOnError}). Pure.
 */
public final class PodDiagnosis {

    /** The transfer server's container (its restarts and terminations are the ones that matter). */
    static final String SERVER_CONTAINER = "server";
    /** Termination messages are at most 4 KiB already; a status entry shows the last part of one. */
    static final int MESSAGE_LIMIT = 1024;

    private PodDiagnosis() {
    }

    /** Fills the diagnosis fields of {@code status} from {@code pod}. */
    public static PodStatus describe(PodStatus status, Pod pod) {
        if (pod.getStatus() == null) {
            return status;
        }
        status.phase = pod.getStatus().getPhase();
        Optional<ContainerStatus> server = server(pod);
        status.restarts = server.map(ContainerStatus::getRestartCount).orElse(null);
        status.pendingReason = unscheduled(pod).or(() -> server.flatMap(PodDiagnosis::waiting)).orElse(null);
        status.lastTermination = server.map(PodDiagnosis::lastTermination).orElse(null);
        return status;
    }

    private static Optional<ContainerStatus> server(Pod pod) {
        List<ContainerStatus> all = pod.getStatus().getContainerStatuses();
        return all == null ? Optional.empty() : all.stream().filter(c -> SERVER_CONTAINER.equals(c.getName())).findFirst();
    }

    /** The scheduler's condition: "0/3 nodes are available: 1 Insufficient cpu, 2 node(s) didn't match ...". */
    private static Optional<String> unscheduled(Pod pod) {
        List<PodCondition> conditions = pod.getStatus().getConditions();
        if (conditions == null) {
            return Optional.empty();
        }
        return conditions.stream()
                .filter(c -> "PodScheduled".equals(c.getType()) && "False".equals(c.getStatus()))
                .findFirst()
                .map(c -> c.getMessage() != null && !c.getMessage().isBlank() ? c.getMessage() : c.getReason());
    }

    private static Optional<String> waiting(ContainerStatus c) {
        if (c.getState() == null || c.getState().getWaiting() == null) {
            return Optional.empty();
        }
        var w = c.getState().getWaiting();
        if (w.getReason() == null || "ContainerCreating".equals(w.getReason())) {
            return Optional.empty();
        }
        return Optional.of(w.getMessage() == null || w.getMessage().isBlank() ? w.getReason() : w.getReason() + ": " + w.getMessage());
    }

    private static Termination lastTermination(ContainerStatus c) {
        ContainerStateTerminated t = c.getLastState() == null ? null : c.getLastState().getTerminated();
        if (t == null) {
            return null;
        }
        Termination out = new Termination();
        out.reason = t.getReason();
        out.exitCode = t.getExitCode();
        out.finishedAt = t.getFinishedAt();
        out.message = tail(t.getMessage());
        return out;
    }

    private static String tail(String message) {
        if (message == null || message.isBlank()) {
            return null;
        }
        String trimmed = message.strip();
        return trimmed.length() <= MESSAGE_LIMIT ? trimmed : "…" + trimmed.substring(trimmed.length() - MESSAGE_LIMIT);
    }
}
