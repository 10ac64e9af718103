package dev.wharf.operator.reconcile;

import dev.wharf.operator.api.StoragePool;
import dev.wharf.operator.api.TransferServer;
import dev.wharf.operator.reconcile.validate.SecretNeed;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The informers a TransferServer reconciliation depends on, and typed lookups into their caches.
 * Each maps its events back to the TransferServers concerned: a pool to the servers that use it, a
 * user Secret to the servers that reference it (so a changed certificate rolls the pods), and every
 * object in the data-plane namespace to its owner by the labels the renderer sets.
 */
public final class TransferServerEventSources {

    static final String POOLS = "pools";
    static final String USER_SECRETS = "user-secrets";
    static final String PODS = "pods";

    private TransferServerEventSources() {
    }

    static List<EventSource<?, TransferServer>> create(EventSourceContext<TransferServer> ctx, String dataPlaneNamespace) {
        List<EventSource<?, TransferServer>> sources = new ArrayList<>();
        sources.add(new InformerEventSource<>(InformerEventSourceConfiguration.from(StoragePool.class, TransferServer.class)
                .withName(POOLS)
                .withWatchAllNamespaces()
                .withSecondaryToPrimaryMapper((StoragePool pool) -> serversOfPool(ctx, pool.getMetadata().getName()))
                .build(), ctx));
        sources.add(new InformerEventSource<>(InformerEventSourceConfiguration.from(Secret.class, TransferServer.class)
                .withName(USER_SECRETS)
                .withNamespacesInheritedFromController()
                .withSecondaryToPrimaryMapper((Secret secret) -> serversReferencing(ctx, secret))
                .build(), ctx));
        sources.add(dataPlane(ctx, Pod.class, PODS, dataPlaneNamespace));
        sources.add(dataPlane(ctx, StatefulSet.class, "statefulsets", dataPlaneNamespace));
        sources.add(dataPlane(ctx, ConfigMap.class, "configmaps", dataPlaneNamespace));
        sources.add(dataPlane(ctx, Secret.class, "dataplane-secrets", dataPlaneNamespace));
        return sources;
    }

    private static <R extends HasMetadata> EventSource<?, TransferServer> dataPlane(EventSourceContext<TransferServer> ctx,
            Class<R> kind, String name, String namespace) {
        return new InformerEventSource<>(InformerEventSourceConfiguration.from(kind, TransferServer.class)
                .withName(name)
                .withNamespaces(namespace)
                .withLabelSelector(Labels.MANAGED_BY + "=" + Labels.OPERATOR)
                .withSecondaryToPrimaryMapper((R object) -> Labels.owner(object).map(Set::of).orElse(Set.of()))
                .build(), ctx);
    }

    static Set<ResourceID> serversOfPool(EventSourceContext<TransferServer> ctx, String pool) {
        return ctx.getPrimaryCache().list(ts -> ts.getSpec() != null && pool.equals(ts.getSpec().pool))
                .map(ResourceID::fromResource)
                .collect(Collectors.toSet());
    }

    private static Set<ResourceID> serversReferencing(EventSourceContext<TransferServer> ctx, Secret secret) {
        String namespace = secret.getMetadata().getNamespace();
        String name = secret.getMetadata().getName();
        return ctx.getPrimaryCache().list(namespace, ts -> ts.getSpec() != null
                        && SecretNeed.of(ts.getSpec()).stream().anyMatch(n -> n.secret().equals(name)))
                .map(ResourceID::fromResource)
                .collect(Collectors.toSet());
    }

    static StoragePool pool(Context<TransferServer> ctx, String name) {
        return cache(ctx, StoragePool.class, POOLS).get(new ResourceID(name)).orElse(null);
    }

    static Secret userSecret(Context<TransferServer> ctx, String namespace, String name) {
        return cache(ctx, Secret.class, USER_SECRETS).get(new ResourceID(name, namespace)).orElse(null);
    }

    static List<Pod> pods(Context<TransferServer> ctx, TransferServer ts, String dataPlaneNamespace) {
        return cache(ctx, Pod.class, PODS).list(dataPlaneNamespace, p -> Labels.belongsTo(p, ts)).toList();
    }

    static List<TransferServer> serversOfPool(Context<TransferServer> ctx, String pool) {
        return ctx.getPrimaryCache().list(ts -> ts.getSpec() != null && pool.equals(ts.getSpec().pool)).toList();
    }

    @SuppressWarnings("unchecked")
    private static <R extends HasMetadata> InformerEventSource<R, TransferServer> cache(Context<TransferServer> ctx,
            Class<R> kind, String name) {
        return (InformerEventSource<R, TransferServer>) ctx.eventSourceRetriever().getEventSourceFor(kind, name);
    }
}
