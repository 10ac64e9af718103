package dev.wharf.deploy.image;

import java.time.Duration;
import java.util.Map;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.output.OutputFrame;
import org.testcontainers.containers.startupcheck.OneShotStartupCheckStrategy;
import org.testcontainers.utility.DockerImageName;

/** Runs an image once with host networking and returns what it printed (stdout and stderr). */
final class OneShot {
    private OneShot() {}

    static String run(String image, Map<String, String> env, String... command) {
        try (GenericContainer<?> c = new GenericContainer<>(DockerImageName.parse(image))) {
            c.withNetworkMode("host")
                    .withEnv(env)
                    .withCommand(command)
                    .withStartupCheckStrategy(new OneShotStartupCheckStrategy().withTimeout(Duration.ofMinutes(1)));
            c.start();
            return c.getLogs(OutputFrame.OutputType.STDOUT) + c.getLogs(OutputFrame.OutputType.STDERR);
        }
    }
}
