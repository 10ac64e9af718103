package dev.wharf.server.cli;

import dev.wharf.server.Door;
import dev.wharf.server.WharfServer;
import dev.wharf.server.admin.AdminEndpoint;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;

/**
 * The no-argument quick start run in-process, exactly as {@code bin/wharf-demo} runs it, except that
 * the demo directory is {@code dir} and the ports are ephemeral. Close it to stop the server.
 */
public final class DemoRun implements AutoCloseable {

    private final WharfServer server;
    private final StringWriter banner;
    private final CompletableFuture<Integer> exit;
    private final Path demoDir;

    private DemoRun(WharfServer server, StringWriter banner, CompletableFuture<Integer> exit, Path demoDir) {
        this.server = server;
        this.banner = banner;
        this.exit = exit;
        this.demoDir = demoDir;
    }

    public static DemoRun start(Path dir) throws Exception {
        return start(dir, Map.of());
    }

    /** @param keys more server.conf keys, as if the user had added them to the demo's server.conf */
    public static DemoRun start(Path dir, Map<String, String> keys) throws Exception {
        WharfCommand command = new WharfCommand();
        command.noArguments = true;
        command.demoDir = dir.resolve(".wharf-demo");
        Map<String, String> overrides = new java.util.HashMap<>(keys);
        overrides.put("admin.port", "0");
        overrides.put("ftp.port", "0");
        command.extraOverrides = overrides;
        CompletableFuture<WharfServer> started = new CompletableFuture<>();
        command.onStarted = started::complete;
        StringWriter out = new StringWriter();
        CommandLine line = WharfCommand.commandLine(command);
        line.setOut(new PrintWriter(out));
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(line::execute);
        exit.thenRun(() -> started.completeExceptionally(new IllegalStateException("demo exited: " + out)));
        return new DemoRun(started.get(60, TimeUnit.SECONDS), out, exit, command.demoDir);
    }

    public WharfServer server() {
        return server;
    }

    public String banner() {
        return banner.toString();
    }

    public Path demoDir() {
        return demoDir;
    }

    public String password() throws java.io.IOException {
        return Files.readString(demoDir.resolve("demo-password")).strip();
    }

    public String adminUrl() {
        return "http://" + AdminEndpoint.hostPort(server.admin().localAddress());
    }

    public Door ftp() {
        return server.doors().stream().filter(d -> d.name().equals("ftp")).findFirst().orElseThrow();
    }

    /** Stops the server and returns the command's exit code. */
    public int stop() throws Exception {
        server.close();
        return exit.get(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        stop();
    }
}
