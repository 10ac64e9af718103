package dev.wharf.deploy.helm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import dev.wharf.deploy.Manifests;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The chart, rendered in-process: lint, the objects it makes, and how values change them. */
class HelmChartTest {
    private static final String NS = ChartRenderer.NAMESPACE;
    private static final String NAME = "wharf-operator";

    @Test
    void lintsCleanInStrictMode() {
        LintResult lint = new Helm(ChartRenderer.chart()).lint().strict().call();
        assertFalse(lint.isFailed(), lint.getMessages().toString());
        assertTrue(lint.getMessages().stream().noneMatch(m -> m.contains("[ERROR]") || m.contains("[WARNING]")),
                lint.getMessages().toString());
    }

    @Test
    void rendersTheOperatorAndEverythingItNeeds() {
        Manifests m = ChartRenderer.render(Map.of());
        m.get(ServiceAccount.class, NS, NAME);
        m.get(Deployment.class, NS, NAME);
        m.get(Service.class, NS, NAME + "-metrics");
        m.get(Namespace.class, null, "wharf-data");
        m.get(ClusterRole.class, null, NAME);
        m.get(ClusterRole.class, null, NAME + "-transferservers");
        m.get(Role.class, "wharf-data", NAME + "-data-plane");
        m.get(Role.class, NS, NAME + "-leader-election");
        assertTrue(m.ofKind("ServiceMonitor").isEmpty(), "ServiceMonitor is opt-in");
        for (HasMetadata o : m.all()) {
            assertEquals("wharf-operator", o.getMetadata().getLabels().get("app.kubernetes.io/name"), o.getKind());
            assertEquals("Helm", o.getMetadata().getLabels().get("app.kubernetes.io/managed-by"), o.getKind());
        }
    }

    @Test
    void deploymentRunsTheOperatorLockedDownWithProbesOnTheQuarkusHealthEndpoints() {
        Deployment d = ChartRenderer.render(Map.of()).get(Deployment.class, NS, NAME);
        var pod = d.getSpec().getTemplate().getSpec();
        Container c = pod.getContainers().get(0);
        assertEquals(1, d.getSpec().getReplicas());
        assertEquals("wharf-operator:0.1.0", c.getImage());
        assertEquals(NAME, pod.getServiceAccountName());

        assertEquals("/q/health/live", c.getLivenessProbe().getHttpGet().getPath());
        assertEquals("/q/health/ready", c.getReadinessProbe().getHttpGet().getPath());
        assertEquals("/q/health/started", c.getStartupProbe().getHttpGet().getPath());
        assertEquals(8080, c.getPorts().get(0).getContainerPort());

        assertTrue(pod.getSecurityContext().getRunAsNonRoot());
        assertEquals("RuntimeDefault", pod.getSecurityContext().getSeccompProfile().getType());
        var sc = c.getSecurityContext();
        assertFalse(sc.getAllowPrivilegeEscalation());
        assertFalse(sc.getPrivileged());
        assertTrue(sc.getReadOnlyRootFilesystem());
        assertEquals(List.of("ALL"), sc.getCapabilities().getDrop());
        assertTrue(sc.getCapabilities().getAdd().isEmpty());
        assertEquals("/tmp", c.getVolumeMounts().get(0).getMountPath(), "a writable /tmp under the read-only root");

        assertEquals(new Quantity("100m"), c.getResources().getRequests().get("cpu"));
        assertEquals(new Quantity("512Mi"), c.getResources().getLimits().get("memory"));

        Map<String, String> env = env(c);
        assertEquals("wharf-data", env.get("WHARF_DATA_PLANE_NAMESPACE"));
        assertEquals("wharf-server:0.1.0", env.get("WHARF_SERVER_IMAGE"));
        assertEquals("JOSDK_ALL_NAMESPACES", env.get("QUARKUS_OPERATOR_SDK_CONTROLLERS_TRANSFERSERVER_NAMESPACES"));
        assertEquals("true", env.get("QUARKUS_LOG_CONSOLE_JSON_ENABLED"));
        assertEquals("metadata.namespace", c.getEnv().stream().filter(e -> e.getName().equals("KUBERNETES_NAMESPACE"))
                .findFirst().orElseThrow().getValueFrom().getFieldRef().getFieldPath(), "the Lease goes in the operator's namespace");
    }

    @Test
    void imageAndReplicaValuesReachTheDeployment() {
        Deployment d = ChartRenderer.render(Map.of(
                "image.repository", "registry.example/wharf/operator", "image.tag", "1.2.3", "image.pullPolicy", "Never",
                "serverImage.repository", "registry.example/wharf/server", "serverImage.tag", "1.2.3",
                "replicaCount", "2")).get(Deployment.class, NS, NAME);
        Container c = d.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertEquals(2, d.getSpec().getReplicas());
        assertEquals("registry.example/wharf/operator:1.2.3", c.getImage());
        assertEquals("Never", c.getImagePullPolicy());
        assertEquals("registry.example/wharf/server:1.2.3", env(c).get("WHARF_SERVER_IMAGE"));
    }

    @Test
    void dataPlaneNamespaceIsLabelledPrivilegedAndKeptOnUninstall() {
        Namespace ns = ChartRenderer.render(Map.of("dataPlane.namespace", "transfers"))
                .get(Namespace.class, null, "transfers");
        Map<String, String> labels = ns.getMetadata().getLabels();
        assertEquals("privileged", labels.get("pod-security.kubernetes.io/enforce"));
        assertEquals("privileged", labels.get("pod-security.kubernetes.io/audit"));
        assertEquals("privileged", labels.get("pod-security.kubernetes.io/warn"));
        assertEquals("keep", ns.getMetadata().getAnnotations().get("helm.sh/resource-policy"));

        Manifests unmanaged = ChartRenderer.render(Map.of("dataPlane.namespace", "transfers", "dataPlane.create", "false"));
        assertTrue(unmanaged.ofType(Namespace.class).isEmpty());
        unmanaged.get(Role.class, "transfers", NAME + "-data-plane");
    }

    @Test
    void watchedNamespacesGetRolesInsteadOfAClusterRole() {
        Manifests m = ChartRenderer.render(Map.of("watchNamespaces[0]", "team-a", "watchNamespaces[1]", "team-b"));
        assertTrue(m.find(ClusterRole.class, null, NAME + "-transferservers").isEmpty());
        assertTrue(m.find(ClusterRoleBinding.class, null, NAME + "-transferservers").isEmpty());
        for (String ns : List.of("team-a", "team-b")) {
            Role role = m.get(Role.class, ns, NAME + "-transferservers");
            assertTrue(role.getRules().stream().anyMatch(r -> r.getResources().contains("transferservers")), ns);
            RoleBinding rb = m.get(RoleBinding.class, ns, NAME + "-transferservers");
            assertEquals(NS, rb.getSubjects().get(0).getNamespace());
        }
        Container c = m.get(Deployment.class, NS, NAME).getSpec().getTemplate().getSpec().getContainers().get(0);
        assertEquals("team-a,team-b", env(c).get("QUARKUS_OPERATOR_SDK_CONTROLLERS_TRANSFERSERVER_NAMESPACES"));
    }

    @Test
    void serviceMonitorScrapesTheQuarkusMetricsEndpointWhenEnabled() {
        Manifests m = ChartRenderer.render(Map.of("metrics.serviceMonitor.enabled", "true",
                "metrics.serviceMonitor.labels.release", "kube-prometheus"));
        HasMetadata sm = m.ofKind("ServiceMonitor").get(0);
        assertEquals("monitoring.coreos.com/v1", sm.getApiVersion());
        assertEquals("kube-prometheus", sm.getMetadata().getLabels().get("release"));
        String yaml = ChartRenderer.renderYaml(Map.of("metrics.serviceMonitor.enabled", "true"));
        assertTrue(yaml.contains("path: /q/metrics"), yaml);
        assertThrows(RuntimeException.class, () -> ChartRenderer.renderYaml(Map.of(
                "metrics.serviceMonitor.enabled", "true", "metrics.service.enabled", "false")));
    }

    static Map<String, String> env(Container c) {
        return c.getEnv().stream().filter(e -> e.getValue() != null)
                .collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
    }
}
