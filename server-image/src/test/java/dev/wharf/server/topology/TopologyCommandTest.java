package dev.wharf.server.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TopologyCommandTest {

    @TempDir
    Path dir;

    private JsonNode run(String... args) throws Exception {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new TopologyCommand());
        cli.setOut(new PrintWriter(out));
        assertEquals(0, cli.execute(args));
        return new ObjectMapper().readTree(out.toString());
    }

    @Test
    void printsTheVersionOneDocumentForAFakeTree() throws Exception {
        Path root = FakeSysfs.build("two-socket", dir);
        JsonNode j = run("--sysfs-root", root.toString(), "--storage", "/stack", "--interface", "ens1f0");
        assertEquals(1, j.get("version").asInt());
        assertTrue(j.get("numa").asBoolean());
        assertEquals("12-23,36-47", j.get("nodes").get(1).get("cpus").asText());
        assertEquals(21, j.get("nodes").get(0).get("distances").get(1).asInt());
        assertEquals("0-47", j.get("allowedCpus").asText());
        assertEquals(2, j.get("cgroupCpuset").get("cgroupVersion").asInt());
        assertEquals("ens1f0", j.get("dataInterface").get("name").asText());
        JsonNode bond = null;
        for (JsonNode n : j.get("interfaces")) {
            if (n.get("name").asText().equals("bond0")) {
                bond = n;
            }
        }
        assertEquals(1, bond.get("numaNode").asInt());
        assertEquals("ens1f1", bond.get("lower").get(1).asText());
        JsonNode s = j.get("storage");
        assertEquals("dm-0", s.get("device").asText());
        assertEquals("253:0", s.get("majorMinor").asText());
        assertEquals("md0", s.get("layers").get(1).asText());
        assertEquals(0, s.get("numaNode").asInt());
        assertEquals("nvme1n1", s.get("disks").get(1).get("name").asText());
        assertTrue(j.get("warnings").isArray());
    }

    @Test
    void unknownsAreNullNotMissing() throws Exception {
        Path root = FakeSysfs.build("one-socket-vm", dir);
        JsonNode j = run("--sysfs-root", root.toString());
        assertTrue(j.get("storage").isNull());
        assertTrue(j.get("dataInterface").isNull());
        JsonNode lo = j.get("interfaces").get(1);
        assertEquals("lo", lo.get("name").asText());
        assertTrue(lo.get("numaNode").isNull());
        assertTrue(lo.get("localCpus").isNull());
    }

    @Test
    void theRealMachineAnswers() throws Exception {
        JsonNode j = run("--storage", System.getProperty("java.io.tmpdir"), "--interface", "127.0.0.1");
        assertEquals(1, j.get("version").asInt());
        assertTrue(j.get("nodes").size() >= 1);
        assertEquals("lo", j.get("dataInterface").get("name").asText());
        assertTrue(CpuSet.parse(j.get("allowedCpus").asText()).size() >= 1);
    }
}
