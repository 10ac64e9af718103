package dev.wharf.operator.render.conf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.config.ServerConfSchema;
import dev.wharf.operator.api.AclDefaults;
import dev.wharf.operator.api.DoorOptions;
import dev.wharf.operator.api.DoorType;
import dev.wharf.operator.api.LogLevel;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What the CRDs offer for a server.conf key is what the server takes. AccessLevel, ListFormat and PortRange
 * are the schema module's own types and the limits its constants; what remains are the CRD's log levels
 * (a subset: {@code all} is for a developer's terminal) and the {@code @Default}s an annotation must spell as
 * constants, checked here against the schema's defaults.
 */
class OperatorEnumsMatchTheSchemaTest {

    @Test
    void logLevelsAreAmongTheServers() {
        for (LogLevel level : LogLevel.values()) {
            assertEquals(Optional.empty(), ServerConfSchema.problem("log.level", level.value()), level.value());
        }
        assertTrue(ServerConfSchema.require("log.level").values().choices().contains("all"),
                "the server also accepts 'all', which the CRD does not offer");
    }

    @Test
    void crdDefaultsOfServerKeysAreTheServersDefaults() throws Exception {
        Map<String, String> doorOptions = Map.of("clientLimit", "limits.clients", "streamsPerClient", "limits.streams-per-client",
                "idleTimeoutSeconds", "limits.idle-timeout", "overwrite", "transfer.overwrite", "listFormat", "ftp.list-format",
                "proxyProtocol", "net.proxy-protocol", "logAbortedTransfers", "log.aborted-transfers");
        DoorOptions fresh = new DoorOptions();
        for (var field : doorOptions.entrySet()) {
            var f = DoorOptions.class.getField(field.getKey());
            String declared = ServerConfSchema.require(field.getValue()).defaultValue();
            assertEquals(declared, f.getAnnotation(Default.class).value(), field.getKey());
            Object initial = f.get(fresh);
            String shown = initial instanceof dev.wharf.config.ListFormat l ? l.value() : String.valueOf(initial);
            assertEquals(declared, shown, field.getKey() + "'s initial value");
        }
        assertEquals(ServerConfSchema.require("acl.enabled").defaultValue(),
                AclDefaults.class.getField("enabled").getAnnotation(Default.class).value());
        assertEquals(String.valueOf(new AclDefaults().enabled), ServerConfSchema.require("acl.enabled").defaultValue());
    }

    /** Issue 18: the CRD once allowed 128 streams per client where the server allows 1,000; each bound is the schema's now. */
    @Test
    void crdBoundsOfServerKeysAreTheServersBounds() throws Exception {
        Map<String, String> bounded = Map.of("clientLimit", "limits.clients", "streamsPerClient", "limits.streams-per-client",
                "idleTimeoutSeconds", "limits.idle-timeout");
        for (var field : bounded.entrySet()) {
            var f = DoorOptions.class.getField(field.getKey());
            var declared = ServerConfSchema.require(field.getValue()).values();
            assertEquals(declared.min(), f.getAnnotation(Min.class).value(), field.getKey() + " minimum");
            assertEquals(declared.max(), f.getAnnotation(Max.class).value(), field.getKey() + " maximum");
        }
        assertEquals(1000, ServerConfSchema.require("limits.streams-per-client").values().max());
    }

    @Test
    void doorPortsStopWhereTheServersDo() {
        assertEquals(32767, DoorType.DCAP.highestPort());
        assertEquals(32767, DoorType.GSIDCAP.highestPort());
        assertEquals(65535, DoorType.GSIFTP.highestPort());
    }
}
