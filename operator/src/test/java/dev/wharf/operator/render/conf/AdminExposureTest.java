package dev.wharf.operator.render.conf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.operator.render.Fixtures;
import dev.wharf.operator.render.RenderResult.Rendered;
import dev.wharf.operator.render.RenderSettings;
import dev.wharf.operator.render.TransferServerRenderer;
import dev.wharf.operator.render.ports.PortAllocationResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Only the operator's and Prometheus' networks may read /metrics and /status of a transfer pod. */
class AdminExposureTest {

    private static ServerConf render(RenderSettings settings) {
        return ((Rendered) TransferServerRenderer.render(Fixtures.gridServer(), Fixtures.pool(),
                new PortAllocationResult.Allocated(Fixtures.gridPorts()), Fixtures.gridSecrets(), List.of(), settings)).serverConf();
    }

    @Test
    void theAdminClientsBecomeTheServersAllowedSubnetsNextToTheAdminPort() {
        ServerConf conf = render(new RenderSettings("wharf-data", "img", List.of(), List.of("10.244.0.0/16", "192.168.7.10")));
        assertEquals("10.244.0.0/16,192.168.7.10", conf.keys().get("admin.allowed-subnets"));
        List<String> keys = List.copyOf(conf.keys().keySet());
        assertEquals(keys.indexOf("admin.port") + 1, keys.indexOf("admin.allowed-subnets"));
        assertTrue(conf.text().contains("admin.allowed-subnets = 10.244.0.0/16,192.168.7.10\n"));
    }

    @Test
    void withoutAdminClientsTheKeyIsNotWritten() {
        assertFalse(render(Fixtures.SETTINGS).keys().containsKey("admin.allowed-subnets"));
    }
}
