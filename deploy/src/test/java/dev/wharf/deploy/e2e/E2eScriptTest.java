package dev.wharf.deploy.e2e;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.deploy.RepoPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** e2e/run.sh fails loudly, and at once, where there is no cluster: it can never pass by doing nothing. */
class E2eScriptTest {

    @Test
    void failsWithoutAClusterBeforeBuildingAnything(@TempDir Path home) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", RepoPaths.resolve("e2e/run.sh").toString())
                .directory(RepoPaths.root().toFile())
                .redirectErrorStream(true);
        pb.environment().put("WHARF_E2E_USE_EXISTING", "1");
        pb.environment().put("KUBECONFIG", home.resolve("no-such-kubeconfig").toString());
        pb.environment().put("HOME", home.toString());
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "run.sh must give up quickly without a cluster");
        assertNotEquals(0, p.exitValue(), out);
        assertTrue(out.contains("e2e: FAILED:"), out);
        assertFalse(out.contains("building images") || out.contains("installing the chart"), out);
    }

    @Test
    void theWorkflowRunsTheScriptAndKeepsItsLogs() throws Exception {
        String wf = Files.readString(RepoPaths.resolve(".github/workflows/e2e.yml"));
        assertTrue(wf.contains("e2e/run.sh"), wf);
        assertTrue(wf.contains("upload-artifact"), "logs of a failed run are kept");
        assertTrue(wf.contains("globus-gass-copy-progs"), "the runner installs globus-url-copy");
    }
}
