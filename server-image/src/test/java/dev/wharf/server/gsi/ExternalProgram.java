package dev.wharf.server.gsi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a real Globus/OpenSSL program for interop tests; a missing program fails the test, never skips it. */
public record ExternalProgram(int exitCode, String stdout, String stderr) {

    public static ExternalProgram run(Map<String, String> env, Path workDir, String... command) throws IOException,
            InterruptedException {
        return run(env, workDir, Duration.ofSeconds(60), command);
    }

    public static ExternalProgram run(Map<String, String> env, Path workDir, Duration timeout, String... command)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(List.of(command)).directory(workDir.toFile());
        pb.environment().putAll(env);
        Path out = Files.createTempFile(workDir, "out", ".txt");
        Path err = Files.createTempFile(workDir, "err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(
                Path.of("/dev/null").toFile()));
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new AssertionError(command[0] + " is not installed (bin/install-prerequisites installs it): "
                    + e.getMessage(), e);
        }
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError(String.join(" ", command) + " did not finish within " + timeout
                        + "\n--- stderr\n" + Files.readString(err, StandardCharsets.UTF_8));
            }
            return new ExternalProgram(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    public ExternalProgram requireSuccess(String what) {
        if (exitCode != 0) {
            throw new AssertionError(what + " failed with exit code " + exitCode + ":\n" + stdout + stderr);
        }
        return this;
    }
}
