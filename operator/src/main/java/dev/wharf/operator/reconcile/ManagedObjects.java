package dev.wharf.operator.reconcile;

import dev.wharf.operator.api.TransferServer;
import dev.wharf.operator.reconcile.apply.ResourceApplier;
import dev.wharf.operator.render.ObjectNames;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.KubernetesClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes, prunes and deletes the objects rendered for one owner, found again by their labels (the
 * only link that works across namespaces). Every kind a renderer may produce is listed in
 * {@link #KINDS}; RBAC grants exactly these kinds (docs/operator.md, "RBAC").
 */
@ApplicationScoped
public class ManagedObjects {

    static final List<Class<? extends HasMetadata>> KINDS =
            List.of(StatefulSet.class, Service.class, ConfigMap.class, Secret.class, PodDisruptionBudget.class);

    private final KubernetesClient client;
    private final ResourceApplier applier;

    public ManagedObjects(KubernetesClient client, ResourceApplier applier) {
        this.client = client;
        this.applier = applier;
    }

    /** One object that was created or changed. */
    public record Change(HasMetadata object, ResourceApplier.Outcome outcome) {
        @Override
        public String toString() {
            return (outcome == ResourceApplier.Outcome.CREATED ? "created " : "updated ") + object.getKind() + " "
                    + object.getMetadata().getNamespace() + "/" + object.getMetadata().getName();
        }
    }

    /** Labels that find every object rendered for {@code ts} (never change during its life). */
    public static Map<String, String> selector(TransferServer ts) {
        Map<String, String> selector = new HashMap<>(ObjectNames.selector(ts));
        selector.put(ObjectNames.MANAGED_BY_LABEL, ObjectNames.MANAGED_BY);
        return selector;
    }

    /** Applies every object; returns those that were created or changed. */
    public List<Change> apply(List<HasMetadata> desired) {
        List<Change> changes = new ArrayList<>();
        for (HasMetadata object : desired) {
            ResourceApplier.Outcome outcome = applier.apply(object);
            if (outcome != ResourceApplier.Outcome.UNCHANGED) {
                changes.add(new Change(object, outcome));
            }
        }
        return changes;
    }

    /** Deletes labelled objects in {@code namespaces} that are no longer rendered; returns them. */
    public List<HasMetadata> prune(Map<String, String> selector, Collection<String> namespaces, List<HasMetadata> desired) {
        Set<String> wanted = desired.stream().map(ManagedObjects::key).collect(Collectors.toSet());
        List<HasMetadata> stale = find(selector, namespaces).stream().filter(o -> !wanted.contains(key(o))).toList();
        stale.forEach(o -> client.resource(o).delete());
        return stale;
    }

    /** Deletes every labelled object in {@code namespaces}; returns how many were still there. */
    public int deleteAll(Map<String, String> selector, Collection<String> namespaces) {
        List<HasMetadata> found = find(selector, namespaces);
        found.forEach(o -> client.resource(o).delete());
        return found.size();
    }

    /**
     * Deletes the PersistentVolumeClaims the StatefulSet made from a claim template (labelled with the
     * template's labels, the server's selector); returns how many. Never part of pruning: they are not
     * rendered, the StatefulSet controller makes them.
     */
    public int deleteClaims(Map<String, String> selector, String namespace) {
        List<PersistentVolumeClaim> claims = client.persistentVolumeClaims().inNamespace(namespace).withLabels(selector).list().getItems();
        claims.forEach(c -> client.resource(c).delete());
        return claims.size();
    }

    List<HasMetadata> find(Map<String, String> selector, Collection<String> namespaces) {
        List<HasMetadata> found = new ArrayList<>();
        for (String namespace : Set.copyOf(namespaces)) {
            for (Class<? extends HasMetadata> kind : KINDS) {
                found.addAll(client.resources(kind).inNamespace(namespace).withLabels(selector).list().getItems());
            }
        }
        return found;
    }

    private static String key(HasMetadata o) {
        return o.getKind() + "/" + o.getMetadata().getNamespace() + "/" + o.getMetadata().getName();
    }
}
