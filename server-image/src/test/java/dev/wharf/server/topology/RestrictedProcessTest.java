package dev.wharf.server.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * A real process started with a narrower affinity than ours (a child inherits the mask of the thread
 * that spawns it, as under {@code taskset}) sees exactly that mask as its allowed CPUs, and its auto
 * plan keeps every role inside it.
 */
class RestrictedProcessTest {

    /** The child: the topology command, then the auto plan's role CPUs on a second line. */
    public static void main(String[] args) {
        int rc = new CommandLine(new TopologyCommand()).execute("--interface", "127.0.0.1");
        ThreadPlan plan = ThreadPlanner.plan(TopologyDiscovery.of(Path.of("/")).discover(null, "127.0.0.1"),
                PinningSetting.AUTO);
        System.out.println(plan.cpus(Role.NET) + " " + plan.cpus(Role.DISK) + " " + plan.cpus(Role.CONTROL));
        System.exit(rc);
    }

    @Test
    void childPinnedToOneCpuReportsAndPlansInsideIt() throws Exception {
        CpuSet allowed = TopologyDiscovery.of(Path.of("/")).discover(null, null).allowedCpus();
        assertTrue(allowed.size() >= 2, "needs two CPUs to narrow a child to one");
        int cpu = allowed.last();
        CpuPinning pinning = new CpuPinning(ThreadPlanner.plan(TopologyDiscovery.of(Path.of("/")).discover(null, null),
                PinningSetting.parse("control:" + cpu)));
        ExecutorService spawner = Executors.newSingleThreadExecutor(pinning.threadFactory(Role.CONTROL));
        try {
            Process child = spawner.submit(() -> new ProcessBuilder(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), RestrictedProcessTest.class.getName())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start()).get(10, TimeUnit.SECONDS);
            assertTrue(child.waitFor(60, TimeUnit.SECONDS));
            String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, child.exitValue(), out);
            int split = out.lastIndexOf('}');
            JsonNode topology = new ObjectMapper().readTree(out.substring(0, split + 1));
            assertEquals(Integer.toString(cpu), topology.get("allowedCpus").asText());
            assertEquals(cpu + " " + cpu + " " + cpu, out.substring(split + 1).strip());
        } finally {
            spawner.shutdownNow();
        }
    }
}
