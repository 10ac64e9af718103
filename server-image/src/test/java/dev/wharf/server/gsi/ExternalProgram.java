package dev.wharf.server.gsi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a real Globus/OpenSSL program for interop tests; a missing program fails the test, never skips it. */
public record ExternalProgram(int exitCode, String stdout, String stderr) {

    public static ExternalProgram run(Map<String, String> env, Path workDir, String... command) throws IOException,
            InterruptedException {
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
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish within 60 s");
        }
        return new ExternalProgram(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    public ExternalProgram requireSuccess(String what) {
        if (exitCode != 0) {
            throw new AssertionError(what + " failed with exit code " + exitCode + ":\n" + stdout + stderr);
        }
        return this;
    }
}
