package dev.wharf.operator.reconcile;

import dev.wharf.operator.api.TransferServer;
import dev.wharf.operator.api.TransferServerStatus;
import dev.wharf.operator.config.WharfSettings;
import dev.wharf.operator.reconcile.DesiredState.Allocation;
import dev.wharf.operator.reconcile.ManagedObjects.Change;
import dev.wharf.operator.reconcile.validate.TransferServerValidator;
import dev.wharf.operator.reconcile.validate.TransferServerValidator.Validation;
import dev.wharf.operator.status.StatusAggregator;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a TransferServer into transfer pods: validate, allocate ports, apply the rendered objects,
 * prune what is no longer rendered, then report what the pods show. Nothing is written while the
 * spec, its pool or its Secrets are invalid, so a bad input leaves a condition, not half an endpoint.
 */
@ControllerConfiguration(name = "transferserver")
public class TransferServerReconciler implements Reconciler<TransferServer>, Cleaner<TransferServer> {

    private static final Logger LOG = LoggerFactory.getLogger(TransferServerReconciler.class);

    private final WharfSettings settings;
    private final DesiredState desired;
    private final ManagedObjects objects;
    private final PortLedger ledger;
    private final EventRecorder events;

    public TransferServerReconciler(WharfSettings settings, DesiredState desired, ManagedObjects objects,
            PortLedger ledger, EventRecorder events) {
        this.settings = settings;
        this.desired = desired;
        this.objects = objects;
        this.ledger = ledger;
        this.events = events;
    }

    @Override
    public List<EventSource<?, TransferServer>> prepareEventSources(EventSourceContext<TransferServer> ctx) {
        return TransferServerEventSources.create(ctx, settings.dataPlaneNamespace());
    }

    @Override
    public UpdateControl<TransferServer> reconcile(TransferServer ts, Context<TransferServer> ctx) {
        Instant now = Instant.now();
        TransferServerReport report = TransferServerReport.startingFrom(ts, now);
        Validation validation = TransferServerValidator.validate(ts,
                name -> TransferServerEventSources.pool(ctx, name),
                name -> TransferServerEventSources.userSecret(ctx, ts.getMetadata().getNamespace(), name), now);
        if (!validation.valid()) {
            validation.findings().forEach(f -> report.conditions().degraded(f.reason(), f.message()));
            return finish(ts, report);
        }
        Allocation allocation = ledger.allocate(ts, validation.pool(),
                TransferServerEventSources.serversOfPool(ctx, ts.getSpec().pool), desired);
        if (!allocation.ok()) {
            report.conditions().degraded("PortsExhausted", allocation.problem());
            return finish(ts, report);
        }
        List<HasMetadata> rendered = desired.render(ts, validation.pool(), allocation.ports(), validation.secrets())
                .stream().map(o -> Ownership.link(o, ts)).toList();
        List<Change> changes = objects.apply(rendered);
        List<HasMetadata> pruned = objects.prune(Labels.selector(ts), namespaces(ts), rendered);
        announce(ts, changes, pruned, report.conditions());
        List<Pod> pods = TransferServerEventSources.pods(ctx, ts, settings.dataPlaneNamespace());
        report.observe(allocation.ports(), pods, desired.endpoints(ts, allocation.ports(), ObservedPods.nodes(pods)));
        return finish(ts, report);
    }

    @Override
    public DeleteControl cleanup(TransferServer ts, Context<TransferServer> ctx) {
        int deleted = objects.deleteAll(Labels.selector(ts), namespaces(ts));
        ledger.release(ts);
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

    private void announce(TransferServer ts, List<Change> changes, List<HasMetadata> pruned, StatusAggregator conditions) {
        if (!changes.isEmpty()) {
            String what = String.join(", ", changes.stream().map(Change::toString).toList());
            events.normal(ts, "Applied", what);
            conditions.progressing("Applied", what);
        }
        for (HasMetadata gone : pruned) {
            events.normal(ts, "Pruned", "deleted " + gone.getKind() + " " + gone.getMetadata().getName() + ", no longer needed");
        }
    }

    private UpdateControl<TransferServer> finish(TransferServer ts, TransferServerReport report) {
        TransferServerReport.Result result = report.build();
        result.newWarning().ifPresent(c -> events.warning(ts, c.getReason(), c.getMessage()));
        return result.status() == null ? UpdateControl.noUpdate() : UpdateControl.patchStatus(statusOnly(ts, result.status()));
    }

    private Set<String> namespaces(TransferServer ts) {
        return Set.of(settings.dataPlaneNamespace(), ts.getMetadata().getNamespace());
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
