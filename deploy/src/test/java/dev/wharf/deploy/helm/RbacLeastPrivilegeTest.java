package dev.wharf.deploy.helm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.deploy.Manifests;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The operator's RBAC grants what it needs where it needs it, and nothing broad. */
class RbacLeastPrivilegeTest {
    private static final Set<String> WRITE_VERBS = Set.of("create", "update", "patch", "delete", "deletecollection");
    private static final Set<String> DANGEROUS_VERBS = Set.of("*", "escalate", "bind", "impersonate");

    @Test
    void noWildcardsAndNoPrivilegeEscalationVerbsInAnyMode() {
        for (Map<String, String> values : List.of(Map.<String, String>of(), Map.of("watchNamespaces[0]", "team-a"))) {
            for (PolicyRule rule : allRules(ChartRenderer.render(values))) {
                assertFalse(rule.getVerbs().stream().anyMatch(DANGEROUS_VERBS::contains), rule.toString());
                assertFalse(rule.getResources().contains("*"), rule.toString());
                assertFalse(rule.getApiGroups().contains("*"), rule.toString());
                assertFalse(rule.getResources().stream().anyMatch(r -> r.startsWith("roles") || r.startsWith("clusterroles")
                        || r.endsWith("rolebindings")), "the operator never manages RBAC: " + rule);
            }
        }
    }

    @Test
    void clusterWideTheOperatorOnlyReadsExceptItsOwnResources() {
        Manifests m = ChartRenderer.render(Map.of());
        for (ClusterRole role : m.ofType(ClusterRole.class)) {
            for (PolicyRule rule : role.getRules()) {
                boolean writes = rule.getVerbs().stream().anyMatch(WRITE_VERBS::contains);
                if (writes) {
                    assertTrue(rule.getApiGroups().equals(List.of("wharf.dev"))
                                    || rule.getResources().equals(List.of("events")),
                            "cluster-wide writes only to wharf.dev resources and events: " + rule);
                    assertFalse(rule.getVerbs().contains("delete"), "never deletes users' resources: " + rule);
                }
            }
        }
        PolicyRule crds = m.get(ClusterRole.class, null, "wharf-operator").getRules().stream()
                .filter(r -> r.getResources().contains("customresourcedefinitions")).findFirst().orElseThrow();
        assertEquals(List.of("get", "list"), crds.getVerbs());
    }

    @Test
    void workloadsAndTheirConfigAreWrittenOnlyInTheDataPlaneNamespaceAndPodsNeverWritten() {
        Manifests m = ChartRenderer.render(Map.of("watchNamespaces[0]", "team-a"));
        for (Role role : m.ofType(Role.class)) {
            boolean dataPlane = "wharf-data".equals(role.getMetadata().getNamespace());
            for (String kind : List.of("statefulsets", "configmaps", "secrets")) {
                assertEquals(dataPlane, writes(role.getRules(), kind), kind + " in " + role.getMetadata().getNamespace());
            }
            assertFalse(writes(role.getRules(), "pods"), "the operator reads pods, StatefulSets make them: " + role.getMetadata());
        }
        for (ClusterRole role : ChartRenderer.render(Map.of()).ofType(ClusterRole.class)) {
            for (String kind : List.of("statefulsets", "configmaps", "secrets", "pods")) {
                assertFalse(writes(role.getRules(), kind), kind + " must never be writable cluster-wide");
            }
        }
        Role lease = m.get(Role.class, ChartRenderer.NAMESPACE, "wharf-operator-leader-election");
        assertEquals(List.of("coordination.k8s.io"), lease.getRules().get(0).getApiGroups());
        assertEquals(List.of("leases"), lease.getRules().get(0).getResources());
    }

    private static boolean writes(List<PolicyRule> rules, String resource) {
        return rules.stream().anyMatch(r -> r.getResources().contains(resource)
                && r.getVerbs().stream().anyMatch(WRITE_VERBS::contains));
    }

    private static List<PolicyRule> allRules(Manifests m) {
        List<PolicyRule> rules = new ArrayList<>();
        m.ofType(ClusterRole.class).forEach(r -> rules.addAll(r.getRules()));
        m.ofType(Role.class).forEach(r -> rules.addAll(r.getRules()));
        return rules;
    }
}
