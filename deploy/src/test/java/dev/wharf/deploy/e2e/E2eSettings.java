package dev.wharf.deploy.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * What the e2e run needs to know about the cluster e2e/run.sh made; every value has an environment
 * variable (set by the script) and a default matching e2e/kind-config.yaml and the chart's defaults.
 */
public record E2eSettings(String namespace, String operatorNamespace, String operatorDeployment,
        String dataPlaneNamespace, Path hostDataDir, String dataInterface, Duration readyTimeout) {

    public static E2eSettings from(Map<String, String> env) {
        return new E2eSettings(
                env.getOrDefault("WHARF_E2E_NAMESPACE", "wharf-e2e"),
                env.getOrDefault("WHARF_E2E_OPERATOR_NAMESPACE", "wharf-system"),
                env.getOrDefault("WHARF_E2E_OPERATOR_DEPLOYMENT", "wharf-operator"),
                env.getOrDefault("WHARF_E2E_DATA_PLANE_NAMESPACE", "wharf-data"),
                Path.of(env.getOrDefault("WHARF_E2E_DATA_DIR", "/tmp/wharf-e2e-data")),
                env.getOrDefault("WHARF_E2E_DATA_INTERFACE", "eth0"),
                Duration.parse("PT" + env.getOrDefault("WHARF_E2E_READY_TIMEOUT", "5M").toUpperCase(java.util.Locale.ROOT)));
    }
}
