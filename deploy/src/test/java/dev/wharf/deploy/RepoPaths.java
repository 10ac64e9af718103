package dev.wharf.deploy;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the repository checkout the tests run in, so they can read the chart, examples, CRDs and scripts. */
public final class RepoPaths {
    private RepoPaths() {}

    /** The repository root: {@code -Dwharf.repo} (set by the POM) or the nearest ancestor holding {@code bin/build-images}. */
    public static Path root() {
        String configured = System.getProperty("wharf.repo");
        if (configured != null && Files.isRegularFile(Path.of(configured, "bin", "build-images"))) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("bin").resolve("build-images"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the repository root (no bin/build-images above "
                + Path.of("").toAbsolutePath() + "); set -Dwharf.repo");
    }

    public static Path resolve(String relative) {
        return root().resolve(relative);
    }
}
