package dev.wharf.operator.reconcile;

import dev.wharf.operator.api.StoragePool;
import dev.wharf.operator.api.TransferServer;
import dev.wharf.operator.reconcile.validate.SecretNeed;
import dev.wharf.operator.render.ObjectNames;
import dev.wharf.operator.reconcile.observe.MirroredEvent;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.Mappers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The informers a TransferServer reconciliation depends on, and typed lookups into their caches.
 * Each maps its events back to the TransferServers concerned: a pool to the servers that use it, a
 * user Secret to the servers that reference it (so a changed certificate rolls the pods), and every
 * object in the data-plane namespace to its owner by the primary-name/namespace annotations the
 * renderers set. Nodes are only cached (endpoint host names); their frequent heartbeats map to nothing.
 */
public final class TransferServerEventSources {

    static final String POOLS = "pools";
    static final String USER_SECRETS = "user-secrets";
    static final String PODS = "pods";
    static final String NODES = "nodes";
    static final String STATEFULSETS = "statefulsets";
    static final String POD_EVENTS = "pod-events";
    /** Only the transfer-server objects, not the pools' topology agents, live under this label. */
    static final String DATA_PLANE_SELECTOR = ObjectNames.MANAGED_BY_LABEL + "=" + ObjectNames.MANAGED_BY + ","
            + ObjectNames.COMPONENT_LABEL + "=transfer-server";

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
                .withItemStore(UserSecretCache.namesOnly(ctx.getClient().getKubernetesSerialization()))
                .withSecondaryToPrimaryMapper((Secret secret) -> serversReferencing(ctx, secret))
                .build(), ctx));
        sources.add(new InformerEventSource<>(InformerEventSourceConfiguration.from(Node.class, TransferServer.class)
                .withName(NODES)
                .withWatchAllNamespaces()
                .withSecondaryToPrimaryMapper((Node node) -> Set.of())
                .build(), ctx));
        sources.add(dataPlane(ctx, Pod.class, PODS, dataPlaneNamespace));
        // Events carry no labels: every Event of the data-plane namespace, mapped by the pod it is about
        sources.add(new InformerEventSource<>(InformerEventSourceConfiguration.from(Event.class, TransferServer.class)
                .withName(POD_EVENTS)
                .withNamespaces(dataPlaneNamespace)
                .withSecondaryToPrimaryMapper((Event event) -> ctx.getPrimaryCache()
                        .list(ts -> ts.getSpec() != null && MirroredEvent.concerns(ts, event))
                        .map(ResourceID::fromResource).collect(Collectors.toSet()))
                .build(), ctx));
        sources.add(dataPlane(ctx, StatefulSet.class, STATEFULSETS, dataPlaneNamespace));
        sources.add(dataPlane(ctx, Service.class, "services", dataPlaneNamespace));
        sources.add(dataPlane(ctx, ConfigMap.class, "configmaps", dataPlaneNamespace));
        sources.add(dataPlane(ctx, Secret.class, "dataplane-secrets", dataPlaneNamespace));
        return sources;
    }

    private static <R extends HasMetadata> EventSource<?, TransferServer> dataPlane(EventSourceContext<TransferServer> ctx,
            Class<R> kind, String name, String namespace) {
        return new InformerEventSource<>(InformerEventSourceConfiguration.from(kind, TransferServer.class)
                .withName(name)
                .withNamespaces(namespace)
                .withLabelSelector(DATA_PLANE_SELECTOR)
                .withSecondaryToPrimaryMapper(Mappers.<R>fromDefaultAnnotations(TransferServer.class))
                .build(), ctx);
    }

    private static Set<ResourceID> serversOfPool(EventSourceContext<TransferServer> ctx, String pool) {
        return ctx.getPrimaryCache().list(ts -> ts.getSpec() != null && pool.equals(ts.getSpec().pool))
                .map(ResourceID::fromResource)
                .collect(Collectors.toSet());
    }

    private static Set<ResourceID> serversReferencing(EventSourceContext<TransferServer> ctx, Secret secret) {
        String name = secret.getMetadata().getName();
        return ctx.getPrimaryCache().list(secret.getMetadata().getNamespace(), ts -> ts.getSpec() != null
                        && SecretNeed.of(ts.getSpec()).stream().anyMatch(n -> n.secret().equals(name)))
                .map(ResourceID::fromResource)
                .collect(Collectors.toSet());
    }

    static StoragePool pool(Context<TransferServer> ctx, String name) {
        return cache(ctx, StoragePool.class, POOLS).get(new ResourceID(name)).orElse(null);
    }

    /**
     * The referenced Secrets that exist, by name, read from the API server: the cache knows only which
     * Secrets exist ({@link UserSecretCache}), not what they hold.
     */
    static Map<String, Secret> userSecrets(Context<TransferServer> ctx, TransferServer ts) {
        Map<String, Secret> found = new LinkedHashMap<>();
        String namespace = ts.getMetadata().getNamespace();
        for (SecretNeed need : SecretNeed.of(ts.getSpec())) {
            if (found.containsKey(need.secret())
                    || cache(ctx, Secret.class, USER_SECRETS).get(new ResourceID(need.secret(), namespace)).isEmpty()) {
                continue;
            }
            Secret secret = ctx.getClient().secrets().inNamespace(namespace).withName(need.secret()).get();
            if (secret != null) {
                found.put(need.secret(), secret);
            }
        }
        return found;
    }

    static List<Pod> pods(Context<TransferServer> ctx, TransferServer ts, String dataPlaneNamespace) {
        Map<String, String> selector = ObjectNames.selector(ts);
        return cache(ctx, Pod.class, PODS).list(dataPlaneNamespace, p -> p.getMetadata().getLabels() != null
                && p.getMetadata().getLabels().entrySet().containsAll(selector.entrySet())).toList();
    }

    /** The server's StatefulSet as the cache last saw it, or {@code null}. */
    static StatefulSet statefulSet(Context<TransferServer> ctx, TransferServer ts, String dataPlaneNamespace) {
        return cache(ctx, StatefulSet.class, STATEFULSETS).get(new ResourceID(ObjectNames.workload(ts), dataPlaneNamespace))
                .orElse(null);
    }

    /** Events of the server's pods, as cached. */
    static List<Event> podEvents(Context<TransferServer> ctx, TransferServer ts, String dataPlaneNamespace) {
        return cache(ctx, Event.class, POD_EVENTS).list(dataPlaneNamespace, e -> MirroredEvent.concerns(ts, e)).toList();
    }

    static Node node(Context<TransferServer> ctx, String name) {
        return cache(ctx, Node.class, NODES).get(new ResourceID(name)).orElse(null);
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
