package dev.wharf.server.privileges;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The "missing capability" path for real: a child JVM started by {@code capsh} (Debian's libcap2-bin)
 * without CAP_IPC_LOCK, CAP_SYS_NICE and CAP_SYS_RESOURCE must warn once about each and carry on.
 * Needs root (to drop from a full set) and capsh: the interop layer, which installs it.
 */
@Tag("interop")
class DroppedCapabilitiesTest {

    @Test
    void childWithoutTheCapabilitiesWarnsOnceEachAndCarriesOn() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String command = "exec " + java + " -cp " + System.getProperty("java.class.path") + " "
                + PrivilegesProbe.class.getName();
        Process p = new ProcessBuilder("capsh", "--drop=cap_ipc_lock,cap_sys_nice,cap_sys_resource", "--", "-c", command)
                .start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "probe finished");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), err);

        JsonNode status = new ObjectMapper().readTree(out);
        assertFalse(status.get("capabilities").get("CAP_IPC_LOCK").asBoolean());
        assertFalse(status.get("capabilities").get("CAP_SYS_NICE").asBoolean());
        assertFalse(status.get("capabilities").get("CAP_SYS_RESOURCE").asBoolean());
        assertFalse(status.get("memoryLocked").asBoolean());
        assertEquals(0, status.get("netNice").asInt());

        List<String> warns = err.lines().filter(l -> l.contains(" WARN ")).toList();
        for (String cap : List.of("CAP_IPC_LOCK", "CAP_SYS_NICE", "CAP_SYS_RESOURCE")) {
            assertEquals(1, warns.stream().filter(l -> l.contains(cap + " is missing")).count(), err);
        }
        assertEquals(3, warns.size(), err);
    }
}
