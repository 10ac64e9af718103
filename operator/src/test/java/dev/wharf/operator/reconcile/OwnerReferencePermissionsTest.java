package dev.wharf.operator.reconcile;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.operator.api.StoragePool;
import dev.wharf.operator.api.TransferServer;
import dev.wharf.operator.render.Fixtures;
import dev.wharf.operator.render.RenderSettings;
import dev.wharf.operator.render.topology.TopologyAgentRenderer;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * An owner reference with {@code blockOwnerDeletion: true} needs {@code update} on the owner's
 * {@code finalizers} subresource: the OwnerReferencesPermissionEnforcement admission plugin (on by default
 * in OpenShift) answers Forbidden otherwise. Checked against the rules the operator declares
 * (application.properties, which the chart must match: OperatorRbacMatchesTheChartTest).
 */
class OwnerReferencePermissionsTest {

    @Test
    void everyBlockingOwnerReferenceTheOperatorSetsIsCoveredByItsRbac() throws IOException {
        StoragePool pool = new StoragePool();
        pool.getMetadata().setName("scratch");
        pool.getMetadata().setUid("uid-1");
        pool.setSpec(Fixtures.pool());
        TransferServer ts = Fixtures.gridServer();
        ts.getMetadata().setUid("uid-2");
        ConfigMap inDataPlane = new io.fabric8.kubernetes.api.model.ConfigMapBuilder().withNewMetadata()
                .withNamespace(ts.getMetadata().getNamespace()).endMetadata().build();

        List<HasMetadata> owned = List.of(
                StoragePoolReconciler.ownedBy(TopologyAgentRenderer.daemonSet("scratch", pool.getSpec(),
                        new RenderSettings("wharf-data", "img")), pool),
                Ownership.link(inDataPlane, ts));
        List<String> rules = clusterRules();
        for (HasMetadata object : owned) {
            for (OwnerReference ref : object.getMetadata().getOwnerReferences()) {
                if (Boolean.TRUE.equals(ref.getBlockOwnerDeletion())) {
                    String plural = ref.getKind().toLowerCase() + "s";
                    assertTrue(rules.contains("wharf.dev " + plural + "/finalizers update"),
                            ref.getKind() + " blocks deletion of its dependents, so the operator needs update on "
                                    + plural + "/finalizers; declared: " + rules);
                }
            }
        }
    }

    /** "group resource verb" for every cluster-wide rule in application.properties. */
    private static List<String> clusterRules() throws IOException {
        Properties p = new Properties();
        try (InputStream in = OwnerReferencePermissionsTest.class.getResourceAsStream("/application.properties")) {
            p.load(in);
        }
        String prefix = "quarkus.kubernetes.rbac.cluster-roles.wharf-operator.policy-rules.";
        List<String> rules = new ArrayList<>();
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith(prefix) && key.endsWith(".resources")) {
                String rule = key.substring(0, key.length() - ".resources".length());
                String group = p.getProperty(rule + ".api-groups", "");
                for (String resource : p.getProperty(key).split(",")) {
                    for (String verb : p.getProperty(rule + ".verbs").split(",")) {
                        rules.add(group.trim() + " " + resource.trim() + " " + verb.trim());
                    }
                }
            }
        }
        return rules;
    }
}
