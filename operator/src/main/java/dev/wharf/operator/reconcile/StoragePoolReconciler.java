package dev.wharf.operator.reconcile;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wharf.operator.api.StoragePool;
import dev.wharf.operator.api.StoragePoolStatus;
import dev.wharf.operator.api.TransferServer;
import dev.wharf.operator.status.StatusAggregator;
import io.fabric8.kubernetes.api.model.Node;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reports what a StoragePool offers: the nodes matching its selector (with the topology the node
 * agent found there) and the ports its TransferServers hold. It creates nothing; the transfer pods
 * belong to the TransferServers.
 */
@ControllerConfiguration(name = "storagepool")
public class StoragePoolReconciler implements Reconciler<StoragePool> {

    static final String NODES = "nodes";
    static final String SERVERS = "transferservers";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public List<EventSource<?, StoragePool>> prepareEventSources(EventSourceContext<StoragePool> ctx) {
        var nodes = new InformerEventSource<>(InformerEventSourceConfiguration.from(Node.class, StoragePool.class)
                .withName(NODES)
                .withWatchAllNamespaces()
                .withSecondaryToPrimaryMapper((Node node) -> allPools(ctx))
                .build(), ctx);
        var servers = new InformerEventSource<>(InformerEventSourceConfiguration.from(TransferServer.class, StoragePool.class)
                .withName(SERVERS)
                .withWatchAllNamespaces()
                .withSecondaryToPrimaryMapper((TransferServer ts) -> ts.getSpec() == null ? Set.of()
                        : Set.of(new ResourceID(ts.getSpec().pool)))
                .build(), ctx);
        return List.of(nodes, servers);
    }

    @Override
    public UpdateControl<StoragePool> reconcile(StoragePool pool, Context<StoragePool> ctx) {
        List<Node> nodes = cache(ctx, Node.class, NODES).list(n -> PoolReport.matches(pool, n)).toList();
        List<TransferServer> servers = cache(ctx, TransferServer.class, SERVERS)
                .list(ts -> ts.getSpec() != null && pool.getMetadata().getName().equals(ts.getSpec().pool)).toList();
        StoragePoolStatus status = PoolReport.status(pool, nodes, servers);
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
        patch.getMetadata().setName(pool.getMetadata().getName());
        patch.setStatus(status);
        return UpdateControl.patchStatus(patch);
    }

    private static Set<ResourceID> allPools(EventSourceContext<StoragePool> ctx) {
        return ctx.getPrimaryCache().list().map(ResourceID::fromResource).collect(Collectors.toSet());
    }

    @SuppressWarnings("unchecked")
    private static <R extends io.fabric8.kubernetes.api.model.HasMetadata> InformerEventSource<R, StoragePool> cache(
            Context<StoragePool> ctx, Class<R> kind, String name) {
        return (InformerEventSource<R, StoragePool>) ctx.eventSourceRetriever().getEventSourceFor(kind, name);
    }
}
