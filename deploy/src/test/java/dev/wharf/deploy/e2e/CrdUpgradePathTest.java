package dev.wharf.deploy.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.deploy.RepoPaths;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * Helm never upgrades a chart's crds/; the documented upgrade step (server-side apply of crds/) is the one
 * e2e/run.sh takes before installing the chart, so the path admins follow is exercised on every e2e run.
 */
class CrdUpgradePathTest {

    private static final String APPLY = "kubectl apply --server-side --force-conflicts --field-manager=wharf-crds -f crds/";

    @Test
    void theE2eInstallsTheCrdsTheDocumentedWayBeforeTheChart() throws Exception {
        String script = Files.readString(RepoPaths.resolve("e2e/run.sh"));
        int apply = script.indexOf(APPLY);
        int helm = script.indexOf("helm upgrade --install");
        assertTrue(apply >= 0, "run.sh applies crds/ server-side");
        assertTrue(helm > apply, "before the chart");
        assertTrue(script.substring(helm, script.indexOf('\n', helm)).contains("--skip-crds"),
                "and the chart does not install its own copy");
        String guide = Files.readString(RepoPaths.resolve("docs/admin-guide.md"));
        assertTrue(guide.contains(APPLY), "docs/admin-guide.md documents the same command");
    }
}
