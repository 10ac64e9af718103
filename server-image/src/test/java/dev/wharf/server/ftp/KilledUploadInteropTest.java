package dev.wharf.server.ftp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 14 §2 with a real client: {@code curl -T} of a 24 MiB file at {@code --limit-rate 4M}, killed with
 * SIGKILL after about a second, 20 times onto a new name and 20 times over an existing file; before the fix
 * the 4 MiB that had arrived were kept under the final name in up to 2 of 12 tries. The raw-client variants
 * of {@link KilledUploadTest} (both connections closed control first, a reset data connection, a short ALLO)
 * run 20 times each here too. Bounded: curl's own limit, and 20 s per upload for the server to end it.
 */
@Tag("interop")
class KilledUploadInteropTest extends KilledUploadTest {

    static final int SIZE = 24 * 1024 * 1024;

    @Override
    int runs() {
        return 20;
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void curlKilledMidUploadLeavesNothing(boolean overwrite) throws Exception {
        Path source = tmp.resolve("source.bin");
        byte[] content = new byte[SIZE];
        new Random(14).nextBytes(content);
        Files.write(source, content);
        try (FtpTestServer server = FtpTestServer.start(tmp.resolve("server"), Map.of())) {
            List<String> kept = new ArrayList<>();
            for (int i = 0; i < runs(); i++) {
                String name = "curl-" + i + ".bin";
                prepare(server, name, overwrite);
                long before = server.metrics().get("bytes:ftp:IN");
                Process curl = new ProcessBuilder("curl", "-sS", "--max-time", "30", "--limit-rate", "4M", "-T",
                        source.toString(), "ftp://" + FtpTestServer.USER + ":" + FtpTestServer.PASSWORD + "@127.0.0.1:"
                        + server.port() + "/" + name).redirectErrorStream(true).redirectOutput(tmp.resolve("curl.log").toFile())
                        .start();
                long started = System.nanoTime();
                awaitUploading(server, curl);
                long elapsedMs = (System.nanoTime() - started) / 1_000_000;
                Thread.sleep(Math.max(0, 900 + new Random().nextInt(200) - elapsedMs));
                assertTrue(curl.isAlive(), "curl ended before it was killed: " + Files.readString(tmp.resolve("curl.log")));
                curl.destroyForcibly(); // SIGKILL
                assertTrue(curl.waitFor(10, TimeUnit.SECONDS));
                awaitSettled(server, i + 1);
                long moved = server.metrics().get("bytes:ftp:IN") - before;
                assertTrue(moved > 1024 * 1024 && moved < SIZE, "not killed mid-upload: " + moved + " bytes arrived");
                check(server, name, overwrite, kept);
            }
            assertTrue(kept.isEmpty(), "curl killed with SIGKILL, its upload kept: " + kept);
        }
    }

    /** Until the upload's temporary holds some data (bounded): a kill before the STOR tests nothing. */
    private static void awaitUploading(FtpTestServer server, Process curl) throws Exception {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (System.nanoTime() < deadline && curl.isAlive()) {
            try (java.util.stream.Stream<Path> all = Files.list(server.root())) {
                if (all.anyMatch(p -> p.getFileName().toString().startsWith(dev.wharf.server.fs.HiddenNames.UPLOAD_PREFIX)
                        && p.toFile().length() > 256 * 1024)) {
                    return;
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("curl's upload did not start within 15 s");
    }
}
