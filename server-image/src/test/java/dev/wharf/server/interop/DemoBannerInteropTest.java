package dev.wharf.server.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.server.cli.DemoRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every command the quick-start banner prints, verbatim, with the real curl and lftp: what the
 * README promises a newcomer must work as printed.
 */
@Tag("interop")
class DemoBannerInteropTest {

    @TempDir
    Path dir;

    @Test
    void everyPrintedCommandWorksAsPrinted() throws Exception {
        runEveryCommand(Map.of());
    }

    /**
     * With a separate data interface (127.0.0.2, control on 127.0.0.1) curl, which ignores the PASV
     * address since 7.74, must be told to use it: the banner prints the commands that way.
     */
    @Test
    void everyPrintedCommandWorksWithASeparateDataInterface() throws Exception {
        runEveryCommand(Map.of("data.interface", "127.0.0.2"));
    }

    private void runEveryCommand(Map<String, String> keys) throws Exception {
        try (DemoRun demo = DemoRun.start(dir, keys)) {
            List<String> commands = demo.banner().lines().map(String::strip)
                    .filter(l -> l.startsWith("curl ") || l.startsWith("lftp ")).toList();
            assertEquals(7, commands.size(), demo.banner());
            for (String command : commands) {
                Programs.Result result = Programs.run(Duration.ofSeconds(60), dir, "bash", "-c", command);
                assertEquals(0, result.exitCode(), command + "\n" + result.describe());
                String expected = expectedOutput(command);
                assertTrue(result.stdout().contains(expected), command + ": expected '" + expected + "'\n" + result.describe());
            }
            assertTrue(Files.isRegularFile(demo.demoDir().resolve("data/hostname")), "the upload example stored its file");
        }
    }

    private static String expectedOutput(String command) {
        if (command.contains("/readyz")) {
            return "ready";
        }
        if (command.contains("README.txt")) {
            return "anonymous area";
        }
        if (command.contains("hello.txt")) {
            return "Hello from Wharf!";
        }
        if (command.contains(" -T ")) {
            return "";
        }
        return "hello.txt"; // the listings (curl and lftp)
    }
}
