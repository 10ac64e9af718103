package dev.wharf.operator.render.rollout;

import dev.wharf.operator.render.ObjectNames;
import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.NodeAffinity;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.utils.Serialization;

import java.util.HashMap;

/**
 * Keeps the node preference of a running StatefulSet while nothing else in its pod template changes.
 *
 * <p>The preference (nodes whose NIC and storage share a NUMA node) comes from the topology reports,
 * which change when a node joins, leaves or reboots and reports again. Written straight into the pod
 * template, every such change would roll every pod of every server of the pool, killing running
 * transfers for a scheduling hint that only matters when a pod is placed. So the desired StatefulSet
 * carries a hash of its template <em>without</em> the preference; while the running StatefulSet carries
 * the same hash, its preference is kept, and a fresh one is taken only with a change the user asked for.
 */
public final class StablePlacement {

    /** Hash of the pod template without the node preference (on the StatefulSet's own metadata). */
    public static final String TEMPLATE_ANNOTATION = "wharf.dev/template-hash";

    private StablePlacement() {
    }

    /**
     * @param desired the rendered StatefulSet (changed in place: annotated, and its preference maybe replaced)
     * @param current the StatefulSet in the cluster, or {@code null}
     * @return {@code desired}
     */
    public static StatefulSet keep(StatefulSet desired, StatefulSet current) {
        String hash = templateHash(desired.getSpec().getTemplate());
        if (desired.getMetadata().getAnnotations() == null) {
            desired.getMetadata().setAnnotations(new HashMap<>());
        }
        desired.getMetadata().getAnnotations().put(TEMPLATE_ANNOTATION, hash);
        if (current != null && current.getMetadata().getAnnotations() != null
                && hash.equals(current.getMetadata().getAnnotations().get(TEMPLATE_ANNOTATION))) {
            setPreference(desired.getSpec().getTemplate(), preference(current.getSpec().getTemplate()));
        }
        return desired;
    }

    static String templateHash(PodTemplateSpec template) {
        PodTemplateSpec copy = Serialization.clone(template);
        setPreference(copy, null);
        return ObjectNames.sha256(Serialization.asJson(copy));
    }

    private static NodeAffinity preference(PodTemplateSpec template) {
        Affinity a = template.getSpec() == null ? null : template.getSpec().getAffinity();
        return a == null ? null : a.getNodeAffinity();
    }

    private static void setPreference(PodTemplateSpec template, NodeAffinity nodeAffinity) {
        if (template.getSpec().getAffinity() == null) {
            if (nodeAffinity == null) {
                return;
            }
            template.getSpec().setAffinity(new Affinity());
        }
        template.getSpec().getAffinity().setNodeAffinity(nodeAffinity == null ? null : Serialization.clone(nodeAffinity));
    }
}
