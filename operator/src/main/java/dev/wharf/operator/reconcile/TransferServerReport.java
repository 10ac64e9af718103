package dev.wharf.operator.reconcile;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wharf.operator.api.DoorType;
import dev.wharf.operator.api.Endpoint;
import dev.wharf.operator.api.PortAllocationStatus;
import dev.wharf.operator.api.TransferServer;
import dev.wharf.operator.api.TransferServerStatus;
import dev.wharf.operator.status.ConditionType;
import dev.wharf.operator.status.StatusAggregator;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The status one reconciliation writes: starts as a copy of the current status, collects findings
 * and observations, and builds either the new status or nothing when it would not change.
 */
final class TransferServerReport {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final TransferServer ts;
    private final TransferServerStatus status;
    private final StatusAggregator conditions;
    private final String now;

    private TransferServerReport(TransferServer ts, Instant now) {
        this.ts = ts;
        this.status = ts.getStatus() == null ? new TransferServerStatus()
                : MAPPER.convertValue(ts.getStatus(), TransferServerStatus.class);
        this.conditions = StatusAggregator.from(status.conditions, ts.getMetadata().getGeneration(), now);
        this.now = now.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    static TransferServerReport startingFrom(TransferServer ts, Instant now) {
        return new TransferServerReport(ts, now);
    }

    StatusAggregator conditions() {
        return conditions;
    }

    /** Records the ports, the pods and the endpoints, and whether every wanted pod is ready. */
    void observe(PortAllocationStatus ports, List<Pod> pods, List<Endpoint> endpoints) {
        int wanted = ts.getSpec().nodes == null ? 1 : ts.getSpec().nodes;
        int ready = ObservedPods.readyCount(pods);
        status.allocation = ports;
        status.pods = new ArrayList<>(ObservedPods.statuses(pods));
        status.readyPods = ready;
        status.ready = ready + "/" + wanted;
        status.doors = ts.getSpec().doors.enabled().keySet().stream().map(DoorType::specName).collect(Collectors.joining(","));
        status.endpoints = new ArrayList<>(endpoints);
        if (ready < wanted) {
            conditions.notReady("PodsNotReady", ready + "/" + wanted + " transfer pods ready");
        } else {
            conditions.ready("AllPodsReady", ready + "/" + wanted + " transfer pods ready");
        }
    }

    /** The new status ({@code null}: unchanged) and a Degraded condition that is new in this round. */
    record Result(TransferServerStatus status, Optional<Condition> newWarning) {
    }

    Result build() {
        StatusAggregator.Conditions built = conditions.build();
        status.conditions = new ArrayList<>(built.conditions());
        status.observedGeneration = ts.getMetadata().getGeneration();
        Condition degraded = built.get(ConditionType.DEGRADED);
        Optional<Condition> warning = "True".equals(degraded.getStatus()) && now.equals(degraded.getLastTransitionTime())
                ? Optional.of(degraded) : Optional.empty();
        boolean unchanged = ts.getStatus() != null && MAPPER.valueToTree(ts.getStatus()).equals(MAPPER.valueToTree(status));
        return new Result(unchanged ? null : status, warning);
    }
}
