package dev.wharf.deploy.helm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.deploy.Manifests;
import dev.wharf.deploy.RepoPaths;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The chart grants exactly what the operator declares it needs (application.properties, the source of
 * docs/operator.md's RBAC table) — no more, no less — in both install modes.
 */
class OperatorRbacMatchesTheChartTest {
    private static Map<String, Set<String>> declared;

    @BeforeAll
    static void readDeclaredRules() throws IOException {
        declared = OperatorRbac.grants(RepoPaths.resolve("operator/src/main/resources/application.properties"));
        assertFalse(declared.isEmpty(), "no quarkus.kubernetes.rbac rules in application.properties");
    }

    @Test
    void clusterWideInstallGrantsTheDeclaredRules() {
        Manifests m = ChartRenderer.render(Map.of());
        assertEquals(declared.get("cluster-roles/wharf-operator"), grants(m.ofType(ClusterRole.class).stream()
                .flatMap(r -> r.getRules().stream()).toList()), "cluster-wide rules");
        assertEquals(declared.get("roles/wharf-operator-data-plane"), roleGrants(m, "wharf-data"), "data-plane namespace");
        assertEquals(declared.get("roles/wharf-operator-leader-election"), roleGrants(m, ChartRenderer.NAMESPACE),
                "operator namespace");
    }

    @Test
    void namespacedInstallSplitsTheSameRulesBetweenClusterAndWatchedNamespaces() {
        Manifests m = ChartRenderer.render(Map.of("watchNamespaces[0]", "team-a", "watchNamespaces[1]", "team-b"));
        Set<String> cluster = grants(m.ofType(ClusterRole.class).stream().flatMap(r -> r.getRules().stream()).toList());
        Set<String> teamA = roleGrants(m, "team-a");
        assertEquals(teamA, roleGrants(m, "team-b"));
        assertTrue(teamA.contains("wharf.dev/transferservers watch"), teamA.toString());
        Set<String> union = new TreeSet<>(cluster);
        union.addAll(teamA);
        assertEquals(declared.get("cluster-roles/wharf-operator"), union);
        assertFalse(cluster.stream().anyMatch(g -> g.startsWith("/secrets")), "no cluster-wide Secret access when namespaced");
    }

    private static Set<String> roleGrants(Manifests m, String namespace) {
        List<PolicyRule> rules = new ArrayList<>();
        m.ofType(Role.class).stream().filter(r -> namespace.equals(r.getMetadata().getNamespace()))
                .forEach(r -> rules.addAll(r.getRules()));
        return grants(rules);
    }

    private static Set<String> grants(List<PolicyRule> rules) {
        return OperatorRbac.flatten(rules);
    }
}
