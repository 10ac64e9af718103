package dev.wharf.deploy.image;

import dev.wharf.deploy.RepoPaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The two images under test, built once per test JVM by {@code bin/build-images} from the jars Maven has
 * just packaged (the deploy module is last in the reactor). The script builds the debootstrapped base
 * when it is missing, and Docker's layer cache makes later builds cheap.
 */
public final class WharfImages {
    /** The tag the tests build; distinct from a user's {@code dev} so a test run never replaces theirs. */
    public static final String TAG = "test";

    private static Images built;

    private WharfImages() {}

    public record Images(String server, String operator) {}

    public static synchronized Images build() {
        if (built == null) {
            built = runBuild();
        }
        return built;
    }

    private static Images runBuild() {
        ProcessBuilder pb = new ProcessBuilder(RepoPaths.resolve("bin/build-images").toString())
                .directory(RepoPaths.root().toFile())
                .redirectErrorStream(false)
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.environment().put("TAG", TAG);
        if (!"0".equals(System.getenv().getOrDefault("WHARF_SKIP_MAVEN", "1"))) {
            pb.environment().put("WHARF_SKIP_MAVEN", "1");
        }
        try {
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(20, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException("bin/build-images did not finish in 20 minutes");
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException("bin/build-images failed (exit " + p.exitValue() + "): " + out);
            }
            List<String> lines = out.lines().filter(l -> !l.isBlank()).toList();
            if (lines.size() < 2) {
                throw new IllegalStateException("bin/build-images printed no image names: " + out);
            }
            return new Images(lines.get(lines.size() - 2), lines.get(lines.size() - 1));
        } catch (IOException e) {
            throw new IllegalStateException("cannot run bin/build-images", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building images", e);
        }
    }
}
