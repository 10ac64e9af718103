package dev.wharf.deploy.helm;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * values.schema.json: Helm refuses a misspelt key, a wrong type or an unknown level before anything is
 * installed, instead of rendering a chart that silently ignores the value.
 */
class ValuesSchemaTest {

    @Test
    void theChartShipsASchema() {
        assertTrue(Files.isRegularFile(ChartRenderer.chart().resolve("values.schema.json")));
    }

    @Test
    void theDefaultsAndEveryDocumentedValueAreAccepted() {
        ChartRenderer.render(Map.of("serverImage.pullSecrets[0]", "regcred", "watchNamespaces[0]", "team-a",
                "replicaCount", "2", "logging.level", "DEBUG", "metrics.serviceMonitor.enabled", "true"));
    }

    @Test
    void aMisspeltKeyIsRefused() {
        Exception e = assertThrows(Exception.class, () -> ChartRenderer.render(Map.of("logging.levle", "DEBUG")));
        assertTrue(e.getMessage().contains("levle"), e.getMessage());
        assertThrows(Exception.class, () -> ChartRenderer.render(Map.of("serverImage.pullSecret[0]", "regcred")));
    }

    @Test
    void wrongTypesAndValuesAreRefused() {
        assertThrows(Exception.class, () -> ChartRenderer.render(Map.of("replicaCount", "two")));
        assertThrows(Exception.class, () -> ChartRenderer.render(Map.of("logging.level", "LOUD")));
        assertThrows(Exception.class, () -> ChartRenderer.render(Map.of("dataPlane.namespace", "Wharf_Data")));
        assertThrows(Exception.class, () -> ChartRenderer.render(Map.of("resyncPeriod", "five minutes")));
    }
}
