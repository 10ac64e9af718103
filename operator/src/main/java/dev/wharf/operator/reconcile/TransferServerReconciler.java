package dev.wharf.operator.reconcile;

import dev.wharf.operator.api.StoragePool;
import dev.wharf.operator.api.TransferServer;
import dev.wharf.operator.api.TransferServerStatus;
import dev.wharf.operator.config.WharfSettings;
import dev.wharf.operator.reconcile.ManagedObjects.Change;
import dev.wharf.operator.reconcile.observe.PinnedCpus;
import dev.wharf.operator.reconcile.observe.RolloutState;
import dev.wharf.operator.reconcile.observe.TopologyReports;
import dev.wharf.operator.reconcile.validate.SecretCheck;
import dev.wharf.operator.render.RenderResult;
import dev.wharf.operator.render.RenderResult.NotRendered;
import dev.wharf.operator.render.RenderResult.Rendered;
import dev.wharf.operator.render.RenderSettings;
import dev.wharf.operator.render.TransferServerRenderer;
import dev.wharf.operator.render.ports.PortAllocationResult;
import dev.wharf.operator.render.sshd.HostsFile;
import dev.wharf.operator.render.sshd.SshdInputs;
import dev.wharf.operator.render.topology.TopologySummary;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import dev.wharf.operator.reconcile.observe.ObservedPods;
import dev.wharf.operator.render.Endpoints;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Instant;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a TransferServer into transfer pods: allocate ports, render, check, apply, prune, then report
 * what the pods show. When the spec, its pool or its Secrets are not usable nothing is written and
 * what an earlier version created is removed, so bad input leaves a condition, never half an endpoint.
 */
@ControllerConfiguration(name = "transferserver")
public class TransferServerReconciler implements Reconciler<TransferServer>, Cleaner<TransferServer> {

    private static final Logger LOG = LoggerFactory.getLogger(TransferServerReconciler.class);

    private final WharfSettings settings;
    private final ManagedObjects objects;
    private final PortLedger ledger;
    private final EventRecorder events;
    private final TopologyReports topology;
    private final PinnedCpus pinnedCpus;
    private final SshKeyStore sshKeys;
    private final PodEventMirror eventMirror;

    public TransferServerReconciler(WharfSettings settings, ManagedObjects objects, PortLedger ledger,
            EventRecorder events, TopologyReports topology, PinnedCpus pinnedCpus, SshKeyStore sshKeys,
            PodEventMirror eventMirror) {
        this.settings = settings;
        this.objects = objects;
        this.ledger = ledger;
        this.events = events;
        this.topology = topology;
        this.pinnedCpus = pinnedCpus;
        this.sshKeys = sshKeys;
        this.eventMirror = eventMirror;
    }

    @Override
    public List<EventSource<?, TransferServer>> prepareEventSources(EventSourceContext<TransferServer> ctx) {
        return TransferServerEventSources.create(ctx, settings.dataPlaneNamespace());
    }

    @Override
    public UpdateControl<TransferServer> reconcile(TransferServer ts, Context<TransferServer> ctx) {
        Instant now = Instant.now();
        TransferServerReport report = TransferServerReport.startingFrom(ts, now);
        StoragePool pool = TransferServerEventSources.pool(ctx, ts.getSpec().pool);
        Map<String, Secret> secrets = TransferServerEventSources.userSecrets(ctx, ts);
        SshdInputs sshd = sshdInputs(ts, pool, ctx);
        RenderResult result = TransferServerRenderer.render(ts, pool == null ? null : pool.getSpec(),
                allocate(ts, pool, ctx), secrets, preferredNodes(pool), sshd, renderSettings());
        if (result instanceof NotRendered refused) {
            return refuse(ts, report, List.of(refused.reason()), List.of(refused.message()));
        }
        var findings = SecretCheck.check(ts.getSpec(), secrets, now);
        if (!findings.isEmpty()) {
            return refuse(ts, report, findings.stream().map(f -> f.reason()).toList(), findings.stream().map(f -> f.message()).toList());
        }
        Rendered rendered = (Rendered) result;
        StatefulSet current = TransferServerEventSources.statefulSet(ctx, ts, settings.dataPlaneNamespace());
        List<HasMetadata> desired = RolloutObjects.complete(ts, rendered, current, renderSettings()).stream()
                .map(o -> Ownership.link(o, ts)).toList();
        List<Change> changes = objects.apply(desired);
        List<HasMetadata> pruned = objects.prune(ManagedObjects.selector(ts), List.of(settings.dataPlaneNamespace()), desired);
        announce(ts, changes, pruned, report);
        report.hostCa(sshd.keys() == null ? null : sshd.keys().hostCa().publicKey());
        report.observe(rendered.ports(), TransferServerEventSources.pods(ctx, ts, settings.dataPlaneNamespace()),
                node -> TransferServerEventSources.node(ctx, node), topology::of,
                (pod, ready) -> pinnedCpus.of(pod, ready, rendered.ports().admin).orElse(null),
                pool.getSpec().dataInterface::forNode);
        eventMirror.mirror(ts, TransferServerEventSources.podEvents(ctx, ts, settings.dataPlaneNamespace()));
        report.rollout(RolloutState.of(current, TransferServerEventSources.pods(ctx, ts, settings.dataPlaneNamespace()),
                ts.getSpec().nodes == null ? 1 : ts.getSpec().nodes), ts.getSpec().updateStrategy);
        return finish(ts, report);
    }

    @Override
    public DeleteControl cleanup(TransferServer ts, Context<TransferServer> ctx) {
        int deleted = objects.deleteAll(ManagedObjects.selector(ts), List.of(settings.dataPlaneNamespace()));
        ledger.release(ts);
        eventMirror.forget(ts);
        if (deleted > 0) {
            events.normal(ts, "Deleted", "deleted " + deleted + " objects in namespace " + settings.dataPlaneNamespace());
        }
        return DeleteControl.defaultDelete();
    }

    @Override
    public ErrorStatusUpdateControl<TransferServer> updateErrorStatus(TransferServer ts, Context<TransferServer> ctx,
            Exception e) {
        LOG.warn("reconciling TransferServer {}/{} failed: {}", ts.getMetadata().getNamespace(), ts.getMetadata().getName(),
                e.toString());
        TransferServerReport report = TransferServerReport.startingFrom(ts, Instant.now());
        report.conditions().notReady("ReconcileFailed", "the operator could not apply the objects (will retry): " + e.getMessage());
        TransferServerStatus status = report.build().status();
        return status == null ? ErrorStatusUpdateControl.defaultErrorProcessing()
                : ErrorStatusUpdateControl.patchStatus(statusOnly(ts, status));
    }

    private PortAllocationResult allocate(TransferServer ts, StoragePool pool, Context<TransferServer> ctx) {
        if (pool == null || !pool.getSpec().admits(ts.getMetadata().getNamespace())) {
            return null;
        }
        return ledger.allocate(ts, pool, TransferServerEventSources.serversOfPool(ctx, pool.getMetadata().getName()));
    }

    /**
     * The job's keys, its hosts now, and the endpoint host name of every node it may run on (the pool's
     * nodes and those its pods run on), when it has the sshd sidecar.
     */
    private SshdInputs sshdInputs(TransferServer ts, StoragePool pool, Context<TransferServer> ctx) {
        if (ts.getSpec().sshd == null || !ts.getSpec().sshd.isEnabled()) {
            return SshdInputs.NONE;
        }
        String ns = settings.dataPlaneNamespace();
        List<Pod> pods = TransferServerEventSources.pods(ctx, ts, ns);
        Set<String> nodes = new TreeSet<>(ObservedPods.nodes(pods));
        if (pool != null && pool.getStatus() != null && pool.getStatus().nodes != null) {
            pool.getStatus().nodes.forEach(n -> nodes.add(n.name));
        }
        Map<String, String> nodeHosts = new TreeMap<>();
        for (String name : nodes) {
            Node node = TransferServerEventSources.node(ctx, name);
            nodeHosts.put(name, node == null ? name : Endpoints.host(node));
        }
        return new SshdInputs(sshKeys.keysFor(ts, ns), HostsFile.hosts(ts, ns, pods), nodeHosts);
    }

    private static List<String> preferredNodes(StoragePool pool) {
        return pool == null || pool.getStatus() == null ? List.of() : TopologySummary.alignedNodes(pool.getStatus().nodes);
    }

    private RenderSettings renderSettings() {
        return settings.renderSettings();
    }

    /** Nothing may run: remove what an earlier version created, and say why. */
    private UpdateControl<TransferServer> refuse(TransferServer ts, TransferServerReport report, List<String> reasons,
            List<String> messages) {
        for (int i = 0; i < reasons.size(); i++) {
            report.conditions().degraded(reasons.get(i), messages.get(i));
        }
        int removed = objects.deleteAll(ManagedObjects.selector(ts), List.of(settings.dataPlaneNamespace()));
        ledger.release(ts);
        if (removed > 0) {
            events.warning(ts, "Removed", "deleted " + removed + " objects until this is fixed: " + messages.get(0));
        }
        report.refused();
        return finish(ts, report);
    }

    private void announce(TransferServer ts, List<Change> changes, List<HasMetadata> pruned, TransferServerReport report) {
        if (!changes.isEmpty()) {
            String what = String.join(", ", changes.stream().map(Change::toString).toList());
            events.normal(ts, "Applied", what);
            report.conditions().progressing("Applied", what);
        }
        for (HasMetadata gone : pruned) {
            events.normal(ts, "Pruned", "deleted " + gone.getKind() + " " + gone.getMetadata().getName() + ", no longer rendered");
        }
    }

    private UpdateControl<TransferServer> finish(TransferServer ts, TransferServerReport report) {
        TransferServerReport.Result result = report.build();
        result.newWarning().ifPresent(c -> events.warning(ts, c.getReason(), c.getMessage()));
        return result.status() == null ? UpdateControl.noUpdate() : UpdateControl.patchStatus(statusOnly(ts, result.status()));
    }

    /** A fresh resource carrying only identity and status: the intent a status patch should express. */
    private static TransferServer statusOnly(TransferServer ts, TransferServerStatus status) {
        TransferServer patch = new TransferServer();
        patch.getMetadata().setName(ts.getMetadata().getName());
        patch.getMetadata().setNamespace(ts.getMetadata().getNamespace());
        patch.setStatus(status);
        return patch;
    }
}
