package dev.wharf.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real process: {@code Main} in its own JVM, ready on the admin endpoint, clean exit on SIGTERM. */
class ProcessLifecycleTest {

    private static final Pattern ADMIN = Pattern.compile("admin endpoint listening on (http://\\S+)");

    @TempDir
    Path dir;

    @Test
    void sigtermStopsTheServerCleanly() throws Exception {
        Path conf = Files.writeString(dir.resolve("server.conf"), "admin.port = 0\nftp.port = 0\n");
        Path log = dir.resolve("wharf.log");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.wharf.server.Main",
                "-c", conf.toString(), "-l", log.toString(), "-log-level", "info")
                .redirectErrorStream(true).start();
        List<String> output = new CopyOnWriteArrayList<>();
        CompletableFuture.runAsync(() -> new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8)).lines().forEach(output::add));
        try {
            String admin = null;
            for (int i = 0; i < 600 && admin == null; i++) {
                Thread.sleep(100);
                Matcher m = ADMIN.matcher(Files.exists(log) ? Files.readString(log) : "");
                if (m.find() && Files.readString(log).contains(" ready (")) {
                    admin = m.group(1);
                }
                assertTrue(process.isAlive(), "server exited early: " + output);
            }
            assertTrue(admin != null, "never became ready; log: " + (Files.exists(log) ? Files.readString(log) : ""));
            HttpResponse<String> ready = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(admin + "/readyz")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, ready.statusCode());
        } finally {
            process.destroy(); // SIGTERM
        }
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "did not stop on SIGTERM");
        assertEquals(0, process.exitValue(), "a clean stop on SIGTERM exits 0 (docs/server.md)");
        String text = Files.readString(log);
        assertTrue(text.contains("shutting down") && text.contains("stopped"), text);
        assertTrue(output.isEmpty(), "with -l nothing goes to stdout/stderr: " + output);
    }
}
