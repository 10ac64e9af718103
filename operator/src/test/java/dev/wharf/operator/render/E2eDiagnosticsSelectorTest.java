package dev.wharf.operator.render;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.operator.render.RenderResult.Rendered;
import dev.wharf.operator.render.ports.PortAllocationResult;
import dev.wharf.operator.render.topology.TopologyAgentRenderer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * e2e/run.sh prints the data-plane pods' logs when a run fails; its label selector must match the pods the
 * operator really makes (transfer pods and topology agents), or a failed run in CI shows no server log.
 */
class E2eDiagnosticsSelectorTest {

    private static final Pattern LOGS_LINE = Pattern.compile("kubectl -n wharf-data logs [^\\n]*-l (\\S+)");

    @Test
    void theDiagnosticsSelectorMatchesTransferPodsAndTopologyAgents() throws IOException {
        String script = Files.readString(Path.of("..", "e2e", "run.sh"));
        Matcher m = LOGS_LINE.matcher(script);
        assertTrue(m.find(), "run.sh prints the data-plane logs by label");
        String selector = m.group(1);

        Rendered r = (Rendered) TransferServerRenderer.render(Fixtures.gridServer(), Fixtures.pool(),
                new PortAllocationResult.Allocated(Fixtures.gridPorts()), Fixtures.gridSecrets(), List.of(), Fixtures.SETTINGS);
        Map<String, String> transferPod = r.statefulSet().getSpec().getTemplate().getMetadata().getLabels();
        Map<String, String> agentPod = TopologyAgentRenderer.daemonSet("fast", Fixtures.pool(), Fixtures.SETTINGS)
                .getSpec().getTemplate().getMetadata().getLabels();
        assertTrue(matches(selector, transferPod), selector + " does not select a transfer pod labelled " + transferPod);
        assertTrue(matches(selector, agentPod), selector + " does not select a topology agent labelled " + agentPod);
    }

    /** Equality-based selectors only ({@code k=v,k2=v2}), which is what the script uses. */
    private static boolean matches(String selector, Map<String, String> labels) {
        for (String term : selector.split(",")) {
            String[] kv = term.split("=", 2);
            if (kv.length != 2 || !kv[1].equals(labels.get(kv[0]))) {
                return false;
            }
        }
        return true;
    }
}
