package dev.wharf.deploy.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Capability;
import dev.wharf.deploy.e2e.Programs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.codec.digest.Crypt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * The server image run the way the operator runs it, with mdtmFTP's docker recipe: host networking,
 * UID 0 with SYS_NICE, IPC_LOCK and SYS_ADMIN added (SYS_RESOURCE cannot be added on this machine), a
 * two-CPU cpuset, server.conf and the password file mounted read-only, a data directory mounted. It
 * must plan and pin its threads inside the cpuset, warn exactly once that SYS_RESOURCE is missing and
 * about nothing it was given, and move files with curl.
 */
@Tag("container")
class ServerImageRunTest {
    private static final String PASSWORD = "image-test-pw";
    private static final Pattern PLAN = Pattern.compile("thread plan \\(auto\\): allowed CPUs ([0-9,-]+)");
    private static final Pattern PINNED = Pattern.compile("schedule_threads: device=\\S+ cpus?=([0-9,-]+) role=(\\w+)");

    private static Path dir;
    private static ServerRun run;

    @BeforeAll
    static void startServer() throws IOException {
        dir = Files.createTempDirectory("wharf-image-run");
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data/hello.txt"), "hello from the image test\n");
        run = ServerRun.start(dir, Capabilities.OPERATOR_SET);
    }

    @AfterAll
    static void stop() throws IOException {
        if (run != null) {
            run.close();
        }
        Programs.run(List.of("rm", "-rf", dir.toString()), Duration.ofSeconds(30));
    }

    @Test
    void plansAndPinsItsThreadsInsideTheCpuset() {
        String log = run.logs();
        Matcher plan = PLAN.matcher(log);
        assertTrue(plan.find(), "no thread plan in the log:\n" + log);
        assertEquals(CpuList.parse(run.cpuset()), CpuList.parse(plan.group(1)), "the plan sees exactly the cpuset");
        Matcher pinned = PINNED.matcher(log);
        int threads = 0;
        while (pinned.find()) {
            threads++;
            assertTrue(CpuList.parse(run.cpuset()).containsAll(CpuList.parse(pinned.group(1))),
                    pinned.group() + " is outside the cpuset " + run.cpuset());
        }
        assertTrue(threads >= 2, "net, disk and control threads log their pinning:\n" + log);
    }

    @Test
    void warnsOnceThatSysResourceIsMissingAndNotAboutWhatItWasGiven() {
        String log = run.logs();
        assertEquals(1, count(log, "CAP_SYS_RESOURCE is missing"), log);
        for (String given : List.of("CAP_SYS_NICE is missing", "CAP_IPC_LOCK is missing", "CAP_SYS_ADMIN is missing")) {
            assertEquals(0, count(log, given), given + ":\n" + log);
        }
    }

    @Test
    void curlDownloadsAndUploadsThroughIt() throws IOException {
        String url = "ftp://alice:" + PASSWORD + "@127.0.0.1:" + run.ftpPort();
        Path got = dir.resolve("got.txt");
        curl("-o", got.toString(), url + "/hello.txt");
        assertEquals("hello from the image test\n", Files.readString(got));

        byte[] payload = new byte[1024 * 1024 + 7];
        new SecureRandom().nextBytes(payload);
        Path local = Files.write(dir.resolve("payload.bin"), payload);
        curl("-T", local.toString(), url + "/uploaded.bin");
        assertArrayEquals(payload, Files.readAllBytes(dir.resolve("data/uploaded.bin")), "the bytes landed in the mounted directory");
        Path back = dir.resolve("back.bin");
        curl("-o", back.toString(), url + "/uploaded.bin");
        assertArrayEquals(payload, Files.readAllBytes(back));
    }

    @Test
    void answersReadinessOnItsAdminPort() {
        Programs.Result r = Programs.run(List.of("curl", "-sS", "--fail", "--max-time", "10",
                "http://127.0.0.1:" + run.adminPort() + "/readyz"), Duration.ofSeconds(20));
        assertEquals(0, r.exitCode(), r.output());
    }

    /** Why the operator runs the container as UID 0: as the image's default user the added capabilities never arrive. */
    @Test
    void asTheDefaultNonRootUserTheAddedCapabilitiesDoNotTakeEffect() throws IOException {
        Path other = Files.createTempDirectory(dir, "nonroot");
        Files.createDirectories(other.resolve("data"));
        Programs.run(List.of("chmod", "-R", "a+rwX", other.toString()), Duration.ofSeconds(10));
        try (ServerRun nonRoot = ServerRun.start(other, Capabilities.AS_DEFAULT_USER)) {
            String log = nonRoot.logs();
            assertEquals(1, count(log, "CAP_SYS_NICE is missing"), log);
            assertEquals(1, count(log, "CAP_IPC_LOCK is missing"), log);
        }
    }

    private static void curl(String... args) {
        List<String> argv = new java.util.ArrayList<>(List.of("curl", "-sS", "--fail", "--max-time", "60"));
        argv.addAll(List.of(args));
        Programs.run(argv, Duration.ofSeconds(90)).requireSuccess(argv);
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    /** How the container is started: as the operator does (UID 0, caps added) or as the image's default user. */
    enum Capabilities { OPERATOR_SET, AS_DEFAULT_USER }

    /** One running server container with its ports, config and log. */
    static final class ServerRun implements AutoCloseable {
        private final GenericContainer<?> container;
        private final StringBuffer log;
        private final int ftpPort;
        private final int adminPort;
        private final String cpuset;

        private ServerRun(GenericContainer<?> container, StringBuffer log, int ftpPort, int adminPort, String cpuset) {
            this.container = container;
            this.log = log;
            this.ftpPort = ftpPort;
            this.adminPort = adminPort;
            this.cpuset = cpuset;
        }

        static ServerRun start(Path dir, Capabilities mode) throws IOException {
            int ftp = OperatorImageTest.freePort();
            int admin = OperatorImageTest.freePort();
            int dataFirst = OperatorImageTest.freePort();
            Path etc = Files.createDirectories(dir.resolve("etc"));
            Files.writeString(etc.resolve("server.conf"), String.join("\n",
                    "storage.root = /data",
                    "data.port-range = " + dataFirst + "-" + dataFirst,
                    "admin.port = " + admin,
                    "ftp.port = " + ftp, ""));
            Files.writeString(etc.resolve("passwd"),
                    "alice:" + Crypt.crypt(PASSWORD, "$6$wharfimagetest") + ":1000:1000:Alice:/data:/sbin/nologin\n");
            String cpuset = CpuList.firstTwoAllowed();
            StringBuffer log = new StringBuffer();
            GenericContainer<?> c = new GenericContainer<>(DockerImageName.parse(WharfImages.build().server()))
                    .withNetworkMode("host")
                    .withCommand("-control-interface", "127.0.0.1", "-data-interface", "127.0.0.1",
                            "-password-file", "/etc/wharf/passwd", "-p", Integer.toString(ftp),
                            "-c", "/etc/wharf/server.conf", "-log-level", "info")
                    .withCreateContainerCmdModifier(cmd -> {
                        if (mode == Capabilities.OPERATOR_SET) {
                            cmd.withUser("0");
                        }
                        cmd.getHostConfig()
                                .withCapAdd(Capability.SYS_NICE, Capability.IPC_LOCK, Capability.SYS_ADMIN)
                                .withCpusetCpus(cpuset)
                                .withBinds(Bind.parse(etc + ":/etc/wharf:ro"), Bind.parse(dir.resolve("data") + ":/data"));
                    })
                    .withLogConsumer(f -> log.append(f.getUtf8String()))
                    .withStartupAttempts(1)
                    .waitingFor(Wait.forLogMessage(".*wharf-server .* ready.*", 1).withStartupTimeout(Duration.ofMinutes(2)));
            try {
                c.start();
            } catch (RuntimeException e) {
                throw new AssertionError("the server image did not start; its output:\n" + log, e);
            }
            return new ServerRun(c, log, ftp, admin, cpuset);
        }

        String logs() {
            return log.toString();
        }

        int ftpPort() {
            return ftpPort;
        }

        int adminPort() {
            return adminPort;
        }

        String cpuset() {
            return cpuset;
        }

        @Override
        public void close() {
            container.stop();
        }
    }
}
