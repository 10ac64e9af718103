package dev.wharf.server.interop;

import static org.junit.jupiter.api.Assertions.fail;

import dev.wharf.server.gsi.ExternalProgram;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Runs the real client programs the interop layer talks to, through {@link ExternalProgram}. A missing
 * program fails the test (the interop profile promises these checks ran); it never skips.
 */
final class Programs {

    private Programs() {}

    record Result(int exitCode, String stdout, String stderr) {
        String describe() {
            return "exit " + exitCode + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
        }
    }

    static Result run(Duration timeout, Path workDir, String... command) {
        try {
            ExternalProgram p = ExternalProgram.run(Map.of(), workDir, timeout, command);
            return new Result(p.exitCode(), p.stdout(), p.stderr());
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts a long-running program (haproxy); the caller destroys it. */
    static Process start(Path log, String... command) {
        try {
            return new ProcessBuilder(List.of(command))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
        } catch (IOException e) {
            return fail(command[0] + " cannot be started (bin/install-prerequisites installs it): " + e.getMessage());
        }
    }
}
