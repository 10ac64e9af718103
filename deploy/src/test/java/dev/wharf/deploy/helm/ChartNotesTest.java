package dev.wharf.deploy.helm;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.InstallCommand;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** NOTES.txt, as `helm install` prints it (a client-only dry run: no cluster), tells the admin what to do next. */
class ChartNotesTest {

    @Test
    void tellsTheAdminTheNextSteps() {
        String notes = install(Map.of());
        for (String step : new String[] {
                "rollout status deployment/wharf-operator", "cpuManagerPolicy: static", "topologyManagerPolicy",
                "kubectl apply -f examples/storagepool-hostpath.yaml", "get transferservers", "wharf-data",
                "every namespace", "docs/admin-guide.md"}) {
            assertTrue(notes.contains(step), "NOTES lack '" + step + "':\n" + notes);
        }
        assertFalse(notes.contains("kubectl label namespace"), "the chart labels the namespace it creates");
    }

    @Test
    void aNamespaceTheAdminManagesGetsTheLabelCommandAndWatchedNamespacesAreListed() {
        String notes = install(Map.of("dataPlane.create", "false", "watchNamespaces[0]", "team-a", "watchNamespaces[1]", "team-b"));
        assertTrue(notes.contains("kubectl label namespace wharf-data pod-security.kubernetes.io/enforce=privileged"), notes);
        assertTrue(notes.contains("team-a, team-b"), notes);
    }

    private static String install(Map<String, String> values) {
        InstallCommand cmd = new Helm(ChartRenderer.chart()).install()
                .withName(ChartRenderer.RELEASE).withNamespace(ChartRenderer.NAMESPACE)
                .withKubeVersion(ChartRenderer.KUBE_VERSION).dryRun().clientOnly();
        values.forEach(cmd::set);
        return cmd.call().getOutput();
    }
}
