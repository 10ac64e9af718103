package dev.wharf.operator.reconcile;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wharf.operator.api.StoragePool;
import dev.wharf.operator.api.StoragePoolStatus;
import dev.wharf.operator.api.TransferServer;
import dev.wharf.operator.config.WharfSettings;
import dev.wharf.operator.reconcile.apply.ResourceApplier;
import dev.wharf.operator.reconcile.observe.TopologyReports;
import dev.wharf.operator.render.ObjectNames;
import dev.wharf.operator.render.topology.TopologyAgentRenderer;
import dev.wharf.operator.status.StatusAggregator;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs a StoragePool's topology agent (a DaemonSet on the pool's nodes, owned by the pool so the
 * garbage collector removes it with the pool) and reports what the pool offers: the matching nodes
 * with the topology their agent found, the ports its TransferServers hold and what each namespace uses.
 * Its finalizer keeps a pool that still has TransferServers ({@link PoolDeletion}).
 */
@ControllerConfiguration(name = "storagepool")
public class StoragePoolReconciler implements Reconciler<StoragePool>, Cleaner<StoragePool> {

    static final String NODES = "nodes";
    static final String SERVERS = "transferservers";
    static final String AGENTS = "topology-agents";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final WharfSettings settings;
    private final ResourceApplier applier;
    private final TopologyReports topology;
    private final Set<String> serverNamespaces;
    private final PoolDeletion deletion;

    public StoragePoolReconciler(WharfSettings settings, ResourceApplier applier, TopologyReports topology,
            @ConfigProperty(name = "quarkus.operator-sdk.controllers.transferserver.namespaces",
                    defaultValue = "JOSDK_ALL_NAMESPACES") Set<String> serverNamespaces, PoolDeletion deletion) {
        this.settings = settings;
        this.applier = applier;
        this.topology = topology;
        this.serverNamespaces = serverNamespaces;
        this.deletion = deletion;
    }

    @Override
    public List<EventSource<?, StoragePool>> prepareEventSources(EventSourceContext<StoragePool> ctx) {
        var nodes = new InformerEventSource<>(InformerEventSourceConfiguration.from(Node.class, StoragePool.class)
                .withName(NODES)
                .withWatchAllNamespaces()
                .withSecondaryToPrimaryMapper((Node node) -> allPools(ctx))
                // heartbeats update every node often; only a label change can change pool membership
                .withOnUpdateFilter((Node now, Node before) -> !Objects.equals(now.getMetadata().getLabels(),
                        before.getMetadata().getLabels()))
                .build(), ctx);
        var servers = InformerEventSourceConfiguration.from(TransferServer.class, StoragePool.class)
                .withName(SERVERS)
                .withSecondaryToPrimaryMapper((TransferServer ts) -> ts.getSpec() == null ? Set.of()
                        : Set.of(new ResourceID(ts.getSpec().pool)));
        // Only where the TransferServer controller looks, so a namespaced install needs no cluster-wide grant.
        if (serverNamespaces.contains("JOSDK_ALL_NAMESPACES")) {
            servers.withWatchAllNamespaces();
        } else {
            servers.withNamespaces(serverNamespaces);
        }
        var agents = new InformerEventSource<>(InformerEventSourceConfiguration.from(Pod.class, StoragePool.class)
                .withName(AGENTS)
                .withNamespaces(settings.dataPlaneNamespace())
                .withLabelSelector(ObjectNames.NAME_LABEL + "=" + TopologyAgentRenderer.APP_NAME)
                .withSecondaryToPrimaryMapper((Pod pod) -> pod.getMetadata().getLabels().containsKey(ObjectNames.POOL_LABEL)
                        ? Set.of(new ResourceID(pod.getMetadata().getLabels().get(ObjectNames.POOL_LABEL))) : Set.of())
                .build(), ctx);
        return List.of(nodes, new InformerEventSource<>(servers.build(), ctx), agents);
    }

    @Override
    public UpdateControl<StoragePool> reconcile(StoragePool pool, Context<StoragePool> ctx) {
        String name = pool.getMetadata().getName();
        applier.apply(ownedBy(TopologyAgentRenderer.daemonSet(name, pool.getSpec(),
                settings.renderSettings()), pool));
        topology.refresh(cache(ctx, Pod.class, AGENTS)
                .list(settings.dataPlaneNamespace(), p -> name.equals(p.getMetadata().getLabels().get(ObjectNames.POOL_LABEL)))
                .toList());
        List<Node> nodes = cache(ctx, Node.class, NODES).list(n -> PoolReport.matches(pool, n)).toList();
        List<TransferServer> servers = cache(ctx, TransferServer.class, SERVERS)
                .list(ts -> ts.getSpec() != null && name.equals(ts.getSpec().pool)).toList();
        StoragePoolStatus status = PoolReport.status(pool, nodes, servers, topology::of);
        StatusAggregator conditions = StatusAggregator.from(
                pool.getStatus() == null ? null : pool.getStatus().conditions, pool.getMetadata().getGeneration(), Instant.now());
        if (nodes.isEmpty()) {
            conditions.notReady("NoMatchingNodes", "no node carries the labels of spec.nodeSelector " + pool.getSpec().nodeSelector);
        } else {
            conditions.ready("NodesMatched", nodes.size() + " nodes match spec.nodeSelector");
        }
        status.conditions = conditions.build().conditions();
        status.observedGeneration = pool.getMetadata().getGeneration();
        if (pool.getStatus() != null && MAPPER.valueToTree(pool.getStatus()).equals(MAPPER.valueToTree(status))) {
            return UpdateControl.noUpdate();
        }
        StoragePool patch = new StoragePool();
        patch.getMetadata().setName(name);
        patch.setStatus(status);
        return UpdateControl.patchStatus(patch);
    }

    /**
     * A pool with TransferServers in it is not deleted (as Rook keeps pools with dependents): the finalizer
     * stays, and the status and an event name who still uses it, until the last one is gone.
     */
    @Override
    public DeleteControl cleanup(StoragePool pool, Context<StoragePool> ctx) {
        String name = pool.getMetadata().getName();
        List<TransferServer> users = cache(ctx, TransferServer.class, SERVERS)
                .list(ts -> ts.getSpec() != null && name.equals(ts.getSpec().pool)).toList();
        return deletion.decide(pool, users);
    }

    /** A namespaced object may have a cluster-scoped owner: the pool's agent goes when the pool goes. */
    static DaemonSet ownedBy(DaemonSet daemonSet, StoragePool pool) {
        daemonSet.getMetadata().setOwnerReferences(List.of(new OwnerReferenceBuilder()
                .withApiVersion(pool.getApiVersion()).withKind(pool.getKind())
                .withName(pool.getMetadata().getName()).withUid(pool.getMetadata().getUid())
                .withController(true).withBlockOwnerDeletion(true).build()));
        return daemonSet;
    }

    private static Set<ResourceID> allPools(EventSourceContext<StoragePool> ctx) {
        return ctx.getPrimaryCache().list().map(ResourceID::fromResource).collect(Collectors.toSet());
    }

    @SuppressWarnings("unchecked")
    private static <R extends HasMetadata> InformerEventSource<R, StoragePool> cache(Context<StoragePool> ctx, Class<R> kind,
            String name) {
        return (InformerEventSource<R, StoragePool>) ctx.eventSourceRetriever().getEventSourceFor(kind, name);
    }
}
