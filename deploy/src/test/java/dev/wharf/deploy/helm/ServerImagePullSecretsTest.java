package dev.wharf.deploy.helm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** serverImage.pullSecrets and dataPlane.adminClients reach the operator, which renders them into transfer pods. */
class ServerImagePullSecretsTest {

    private static List<EnvVar> env(Map<String, String> values) {
        return ChartRenderer.render(values).get(Deployment.class, ChartRenderer.NAMESPACE, "wharf-operator")
                .getSpec().getTemplate().getSpec().getContainers().get(0).getEnv();
    }

    @Test
    void pullSecretsBecomeTheOperatorsSetting() {
        List<EnvVar> env = env(Map.of("serverImage.pullSecrets[0]", "regcred", "serverImage.pullSecrets[1]", "mirror"));
        EnvVar v = env.stream().filter(e -> "WHARF_IMAGE_PULL_SECRETS".equals(e.getName())).findFirst().orElseThrow();
        assertEquals("regcred,mirror", v.getValue());
    }

    @Test
    void theAdminClientsReachTheOperator() {
        EnvVar v = env(Map.of("dataPlane.adminClients[0]", "10.244.0.0/16")).stream()
                .filter(e -> "WHARF_ADMIN_CLIENTS".equals(e.getName())).findFirst().orElseThrow();
        assertEquals("10.244.0.0/16", v.getValue());
    }

    @Test
    void withoutPullSecretsTheSettingIsAbsent() {
        assertTrue(env(Map.of()).stream().noneMatch(e -> "WHARF_IMAGE_PULL_SECRETS".equals(e.getName())));
    }
}
