package dev.wharf.operator.reconcile;

import dev.wharf.operator.api.PortAllocationStatus;
import dev.wharf.operator.api.StoragePool;
import dev.wharf.operator.api.TransferServer;
import dev.wharf.operator.api.TransferServerStatus;
import dev.wharf.operator.config.WharfSettings;
import dev.wharf.operator.reconcile.ManagedObjects.Change;
import dev.wharf.operator.reconcile.observe.PinnedCpus;
import dev.wharf.operator.reconcile.observe.RolloutState;
import dev.wharf.operator.reconcile.observe.TopologyReports;
import dev.wharf.operator.reconcile.policy.PoolAdmission;
import dev.wharf.operator.reconcile.validate.CredentialExpiry;
import dev.wharf.operator.reconcile.validate.Finding;
import dev.wharf.operator.reconcile.validate.SecretCheck;
import dev.wharf.operator.render.RenderResult;
import dev.wharf.operator.render.RenderResult.NotRendered;
import dev.wharf.operator.render.RenderResult.Rendered;
import dev.wharf.operator.render.ObjectNames;
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
import java.time.Clock;
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
 * what the pods show. When the spec, its pool or its Secrets are not usable nothing is written: a server
 * that runs keeps running as it was, one that does not stays absent, and a Degraded condition says why.
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
    private final Clock clock;
    private final PodEventMirror eventMirror;

    public TransferServerReconciler(WharfSettings settings, ManagedObjects objects, PortLedger ledger,
            EventRecorder events, TopologyReports topology, PinnedCpus pinnedCpus, SshKeyStore sshKeys,
            PodEventMirror eventMirror, Clock clock) {
        this.clock = clock;
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
        Instant now = clock.instant();
        TransferServerReport report = TransferServerReport.startingFrom(ts, now);
        StoragePool pool = TransferServerEventSources.pool(ctx, ts.getSpec().pool);
        Map<String, Secret> secrets = TransferServerEventSources.userSecrets(ctx, ts);
        List<Finding> refusals = pool == null ? List.of()
                : PoolAdmission.check(ts, pool, TransferServerEventSources.serversOfPool(ctx, pool.getMetadata().getName()));
        if (!refusals.isEmpty()) {
            return refuse(ts, pool, ctx, report, refusals);
        }
        SshdInputs sshd = sshdInputs(ts, pool, ctx);
        RenderResult result = TransferServerRenderer.render(ts, pool == null ? null : pool.getSpec(),
                allocate(ts, pool, ctx), secrets, preferredNodes(pool), sshd, renderSettings());
        if (result instanceof NotRendered refused) {
            return refuse(ts, pool, ctx, report, List.of(new Finding(refused.reason(), refused.message())));
        }
        var findings = SecretCheck.check(ts.getSpec(), secrets);
        if (!findings.isEmpty()) {
            return refuse(ts, pool, ctx, report, findings);
        }
        Rendered rendered = (Rendered) result;
        StatefulSet current = TransferServerEventSources.statefulSet(ctx, ts, settings.dataPlaneNamespace());
        if (ClaimTemplateChange.between(current, rendered.statefulSet())) {
            return refuse(ts, pool, ctx, report, List.of(ClaimTemplateChange.finding(ts.getSpec().pool)));
        }
        List<HasMetadata> desired = RolloutObjects.complete(ts, rendered, current, renderSettings()).stream()
                .map(o -> Ownership.link(o, ts)).toList();
        List<Change> changes = objects.apply(desired);
        List<HasMetadata> pruned = objects.prune(ManagedObjects.selector(ts), List.of(settings.dataPlaneNamespace()), desired);
        announce(ts, changes, pruned, report);
        report.hostCa(sshd.keys() == null ? null : sshd.keys().hostCa().publicKey());
        observe(ts, ctx, report, rendered.ports(), pool);
        report.rollout(RolloutState.of(current, TransferServerEventSources.pods(ctx, ts, settings.dataPlaneNamespace()),
                ts.getSpec().nodes == null ? 1 : ts.getSpec().nodes), ts.getSpec().updateStrategy);
        CredentialExpiry.Report expiry = CredentialExpiry.of(ts.getSpec(), secrets, now);
        report.credentials(expiry.credentials());
        if (!expiry.findings().isEmpty()) {
            // reported, never acted on: the pods keep running whatever the clock says
            expiry.findings().forEach(f -> report.conditions().degraded(f.reason(), f.message()));
            report.conditions().stillServing();
        }
        return finish(ts, report);
    }

    @Override
    public DeleteControl cleanup(TransferServer ts, Context<TransferServer> ctx) {
        int deleted = objects.deleteAll(ManagedObjects.selector(ts), List.of(settings.dataPlaneNamespace()));
        // the StatefulSet's claim retention policy deletes them too, where the cluster has that feature
        deleted += objects.deleteClaims(ObjectNames.selector(ts), settings.dataPlaneNamespace());
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

    /**
     * The input cannot be served. A server that never ran gets nothing and holds no ports; one that runs
     * keeps its workload and ports with its last good configuration (only deleting it, or a spec change
     * that renders, changes that), and both say why and what to do.
     */
    private UpdateControl<TransferServer> refuse(TransferServer ts, StoragePool pool, Context<TransferServer> ctx,
            TransferServerReport report, List<Finding> findings) {
        String ns = settings.dataPlaneNamespace();
        boolean running = LastGood.hasPorts(ts) && TransferServerEventSources.statefulSet(ctx, ts, ns) != null;
        findings.forEach(f -> report.conditions().degraded(f.reason(), running ? f.message() + KEPT : f.message()));
        if (!running) {
            ledger.release(ts);
            report.refused();
            return finish(ts, report);
        }
        report.conditions().stillServing();
        observe(ts, ctx, report, ts.getStatus().allocation, pool);
        return finish(ts, report);
    }

    /** Appended to a refusal of a running server, so the user knows nothing was torn down. */
    static final String KEPT = " (the running server keeps its ports and its last good configuration until this is fixed)";

    private void observe(TransferServer ts, Context<TransferServer> ctx, TransferServerReport report, PortAllocationStatus ports,
            StoragePool pool) {
        eventMirror.mirror(ts, TransferServerEventSources.podEvents(ctx, ts, settings.dataPlaneNamespace()));
        report.observe(ports, TransferServerEventSources.pods(ctx, ts, settings.dataPlaneNamespace()),
                node -> TransferServerEventSources.node(ctx, node), topology::of,
                (pod, ready) -> pinnedCpus.of(pod, ready, ports.admin).orElse(null),
                pool == null ? node -> null : pool.getSpec().dataInterface::forNode);
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
