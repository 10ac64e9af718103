package dev.wharf.server.interop;

import dev.wharf.server.gsi.TestPki;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reference globus-gridftp-server (Debian globus-gridftp-server-progs) for interop tests and
 * benchmarks: run as the current user in the foreground (never detached), on 127.0.0.1 and a port the
 * kernel picks, with {@code -c /dev/null} so Debian's /etc/gridftp.conf is not read. It serves ftp://
 * anonymously ({@code -aa}) and gsiftp:// with a host credential of a {@link TestPki}; the PKI's user
 * DN maps to the current account in its grid-mapfile. One process per connection (its default fork
 * mode); {@link #close()} ends the listener and every connection process it forked.
 */
public final class GlobusGridFtpServer implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("Server listening at [^:\\s]+:(\\d+)");

    private final Process process;
    private final Path log;
    private final int port;

    private GlobusGridFtpServer(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /**
     * Starts the server; {@code dir} receives its host credential, grid-mapfile and log.
     *
     * @param extraArgs more globus-gridftp-server options (e.g. {@code -d ALL})
     */
    public static GlobusGridFtpServer start(Path dir, TestPki pki, String... extraArgs) throws IOException,
            InterruptedException {
        return startOn(dir, pki, "127.0.0.1", extraArgs);
    }

    /** As {@link #start(Path, TestPki, String...)}, with data connections on {@code dataInterface} (a loopback address). */
    public static GlobusGridFtpServer startOn(Path dir, TestPki pki, String dataInterface, String... extraArgs)
            throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path cert = dir.resolve("hostcert.pem");
        Path key = dir.resolve("hostkey.pem");
        TestPki.writePem(pki.host(), cert, key);
        String account = System.getProperty("user.name");
        Path gridmap = dir.resolve("grid-mapfile");
        Files.writeString(gridmap, "\"" + pki.user().dn() + "\" " + account + "\n");
        Path log = dir.resolve("globus-gridftp-server.log");
        List<String> command = new ArrayList<>(List.of("globus-gridftp-server", "-c", "/dev/null",
                "-p", "0", "-control-interface", "127.0.0.1", "-data-interface", dataInterface,
                "-aa", "-anonymous-user", account, "-d", "ERROR,WARN"));
        if ("root".equals(account)) {
            command.add("-allow-root"); // tests in containers run as root; the server would refuse to map to it
        }
        command.addAll(List.of(extraArgs));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        pb.environment().put("X509_USER_CERT", cert.toString());
        pb.environment().put("X509_USER_KEY", key.toString());
        pb.environment().put("X509_CERT_DIR", pki.certDir().toString());
        pb.environment().put("GRIDMAP", gridmap.toString());
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new AssertionError("globus-gridftp-server is not installed (bin/install-prerequisites installs it): "
                    + e.getMessage(), e);
        }
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            Matcher m = LISTENING.matcher(Files.readString(log, StandardCharsets.UTF_8));
            if (m.find()) {
                return new GlobusGridFtpServer(process, log, Integer.parseInt(m.group(1)));
            }
            if (!process.isAlive()) {
                break;
            }
            Thread.sleep(50);
        }
        process.destroyForcibly();
        throw new AssertionError("globus-gridftp-server did not start:\n" + Files.readString(log, StandardCharsets.UTF_8));
    }

    public int port() {
        return port;
    }

    /** A URL for a file of this machine: the reference server serves absolute paths. */
    public String url(String scheme, Path file) {
        return scheme + "://127.0.0.1:" + port + file.toAbsolutePath();
    }

    /** The listener process (connection processes are its children). */
    public ProcessHandle process() {
        return process.toHandle();
    }

    /** What the server logged so far (for failure messages). */
    public String log() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
