package dev.wharf.operator.reconcile;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wharf.operator.api.CredentialStatus;
import dev.wharf.operator.api.PortAllocationStatus;
import dev.wharf.operator.api.TransferServer;
import dev.wharf.operator.api.TransferServerStatus;
import dev.wharf.operator.api.UpdateStrategy;
import dev.wharf.operator.reconcile.observe.ObservedPods;
import dev.wharf.operator.reconcile.observe.RolloutState;
import dev.wharf.operator.render.Endpoints;
import dev.wharf.operator.render.topology.NodeTopology;
import dev.wharf.operator.status.ConditionType;
import dev.wharf.operator.status.StatusAggregator;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

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
    private String hostCaPublicKey;

    private TransferServerReport(TransferServer ts, Instant now) {
        this.ts = ts;
        this.status = ts.getStatus() == null ? new TransferServerStatus()
                : MAPPER.convertValue(ts.getStatus(), TransferServerStatus.class);
        this.conditions = StatusAggregator.from(status.conditions, ts.getMetadata().getGeneration(), now);
        this.now = now.truncatedTo(ChronoUnit.SECONDS).toString();
        this.status.doors = Endpoints.doorSummary(ts.getSpec());
    }

    static TransferServerReport startingFrom(TransferServer ts, Instant now) {
        return new TransferServerReport(ts, now);
    }

    StatusAggregator conditions() {
        return conditions;
    }

    /** Nothing runs: no ports held, no pods, no endpoints. */
    void refused() {
        status.allocation = null;
        status.pods = new ArrayList<>();
        status.endpoints = new ArrayList<>();
        status.sshEndpoints = new ArrayList<>();
        status.sshKnownHosts = null;
        status.readyPods = 0;
        status.ready = "0/" + wanted();
    }

    /** Every certificate the server uses, with its notAfter. */
    void credentials(List<CredentialStatus> credentials) {
        status.credentials = new ArrayList<>(credentials);
    }

    /** The job's host CA (sshd sidecar), for {@code status.sshKnownHosts}; {@code null} without the sidecar. */
    void hostCa(String publicKey) {
        this.hostCaPublicKey = publicKey;
    }

    /** Records the ports, the pods and the endpoints, and whether every wanted pod is ready. */
    void observe(PortAllocationStatus ports, List<Pod> pods, Function<String, Node> nodes,
            Function<String, NodeTopology> topology, BiFunction<Pod, Boolean, String> pinned, Function<String, String> nicOfNode) {
        int ready = ObservedPods.readyCount(pods);
        Map<String, String> hosts = new LinkedHashMap<>();
        for (String node : ObservedPods.nodes(pods)) {
            Node n = nodes.apply(node);
            hosts.put(node, n == null ? node : Endpoints.host(n));
        }
        status.allocation = ports;
        status.pods = new ArrayList<>(ObservedPods.statuses(pods, pinned, topology, nicOfNode));
        status.readyPods = ready;
        status.ready = ready + "/" + wanted();
        Map<String, String> serving = new LinkedHashMap<>(hosts);
        serving.keySet().retainAll(ObservedPods.servingNodes(pods, nodes));
        status.endpoints = new ArrayList<>(Endpoints.urls(ports, serving, nicOfNode));
        status.sshEndpoints = new ArrayList<>(Endpoints.ssh(ts.getSpec(), ports, hosts));
        status.sshKnownHosts = Endpoints.sshKnownHosts(ts.getSpec(), ports, hosts, hostCaPublicKey);
        if (ready < wanted()) {
            conditions.notReady("PodsNotReady", ready + "/" + wanted() + " transfer pods ready");
        } else {
            conditions.ready("AllPodsReady", ready + "/" + wanted() + " transfer pods ready");
        }
    }

    /**
     * Marks pods made from an older template; while any is left the server is not Ready and the rollout
     * shows as Progressing ({@code n/m updated}), saying who must act when nothing restarts by itself.
     */
    void rollout(RolloutState state, UpdateStrategy strategy) {
        status.pods.forEach(p -> p.outdated = state.outdated().contains(p.name) ? Boolean.TRUE : null);
        if (state.complete()) {
            return;
        }
        conditions.notReady("RolloutInProgress", state.summary());
        if (strategy == UpdateStrategy.ON_DELETE) {
            conditions.progressing("WaitingForRestart", state.summary() + "; updateStrategy onDelete: outdated pods "
                    + String.join(", ", state.outdated()) + " restart when deleted (ask your admin, when no transfer runs)");
        } else {
            conditions.progressing("RollingOut", state.summary());
        }
    }

    private int wanted() {
        return ts.getSpec().nodes == null ? 1 : ts.getSpec().nodes;
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
