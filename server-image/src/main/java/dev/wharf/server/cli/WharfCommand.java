package dev.wharf.server.cli;

import dev.wharf.server.WharfServer;
import dev.wharf.server.acl.AclCommand;
import dev.wharf.server.admin.AdminSettings;
import dev.wharf.server.config.ConfigException;
import dev.wharf.server.config.ConfigFile;
import dev.wharf.server.topology.TopologyCommand;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code wharf-server}: the mdtmFTP-style command line (single-dash long options, exactly as mdtmFTP
 * spells them). Each flag overrides one server.conf key (docs/configuration.md). With no arguments
 * at all it serves the quick-start demo configuration ({@link DemoSetup}).
 *
 * <p>Sub-commands: to add one, append its class to {@code subcommands} below, and nowhere else.
 */
@Command(name = "wharf-server", mixinStandardHelpOptions = true, versionProvider = WharfCommand.Version.class,
        description = "Wharf transfer server (FTP/FTPS, GridFTP, dCap). With no arguments: a demo on 127.0.0.1.",
        subcommands = {PasswdCommand.class, TopologyCommand.class, AclCommand.class})
public final class WharfCommand implements Callable<Integer> {

    static final Path DEMO_DIR = Path.of(".wharf-demo");

    /** Where the demo lives; tests point it at a temporary directory. */
    Path demoDir = DEMO_DIR;
    /** Keys set after the flags; tests use it to move ports to 0. */
    Map<String, String> extraOverrides = Map.of();

    @Spec
    CommandSpec spec;

    @Option(names = "-control-interface", paramLabel = "IP", description = "control.interface: address the doors bind.")
    String controlInterface;

    @Option(names = "-data-interface", paramLabel = "IP", description = "data.interface: address for passive data connections.")
    String dataInterface;

    @Option(names = "-password-file", paramLabel = "FILE", description = "auth.password-file: Globus gridftp password file.")
    String passwordFile;

    @Option(names = "-p", paramLabel = "PORT", description = "ftp.port: port of the FTP door.")
    Integer port;

    @Option(names = "-c", paramLabel = "FILE", description = "server.conf to read (default: built-in defaults).")
    Path configFile;

    @Option(names = "-l", paramLabel = "LOGFILE", description = "log.file: log here instead of stderr.")
    String logFile;

    @Option(names = "-log-level", paramLabel = "LEVEL", description = "log.level: error, warn, info, debug, trace or all.")
    String logLevel;

    /** True when the process got no arguments at all: serve the demo. */
    boolean noArguments;

    /** Receives the started server (tests stop it); the process stops it on SIGTERM. */
    java.util.function.Consumer<WharfServer> onStarted = server -> { };

    @Override
    public Integer call() throws Exception {
        DemoSetup.Demo demo = noArguments ? DemoSetup.prepare(demoDir) : null;
        ConfigFile base = demo != null ? ConfigFile.load(demo.config())
                : configFile != null ? ConfigFile.load(configFile) : ConfigFile.empty();
        ConfigFile config = base.with(overrides());
        WharfServer server;
        try {
            config.validate(); // before logging is set up from it: a bad log.level is named like any other value
            LoggingSetup.apply(config);
            AdminSettings admin = AdminSettings.fromConfig(config);
            server = WharfServer.create(config, demo != null ? admin.withFallbackToFreePort() : admin,
                    dev.wharf.server.ServerThreads.fromConfig(config));
        } catch (ConfigException e) {
            throw config.located(e); // what only this host can tell (a missing file) gets the key's line too
        }
        Thread hook = new Thread(server::close, "wharf-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        TerminationSignals.install(server::close);
        server.start();
        if (demo != null) {
            spec.commandLine().getOut().println(DemoBanner.render(demo, server));
            spec.commandLine().getOut().flush();
        }
        onStarted.accept(server);
        server.awaitClosed();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is what closed the server
        }
        return 0;
    }

    /** The flags given, as the server.conf keys they override. */
    Map<String, String> overrides() {
        Map<String, String> keys = new LinkedHashMap<>();
        put(keys, "control.interface", controlInterface);
        put(keys, "data.interface", dataInterface);
        put(keys, "auth.password-file", passwordFile);
        put(keys, "ftp.port", port == null ? null : port.toString());
        put(keys, "log.file", logFile);
        put(keys, "log.level", logLevel);
        keys.putAll(extraOverrides);
        return keys;
    }

    private static void put(Map<String, String> keys, String key, String value) {
        if (value != null) {
            keys.put(key, value);
        }
    }

    /** Parses and runs {@code args} as the process does; returns the exit code. */
    public static int run(String... args) {
        WharfCommand command = new WharfCommand();
        command.noArguments = args.length == 0;
        CommandLine line = commandLine(command);
        try {
            return line.execute(args);
        } finally {
            // sub-commands print() without a line end; picocli's writers only flush on println, and
            // System.exit does not flush them: 'acl show' printed nothing
            line.getOut().flush();
            line.getErr().flush();
        }
    }

    /**
     * The command line as the process uses it: mdtmFTP's single-dash long names never cluster, and an
     * option's value may be any file name, also one spelt like a sub-command ({@code -password-file passwd})
     * or an option: a value is never taken for something else.
     */
    public static CommandLine commandLine(WharfCommand command) {
        CommandLine line = new CommandLine(command);
        line.setPosixClusteredShortOptionsAllowed(false);
        line.setAllowSubcommandsAsOptionParameters(true);
        line.setAllowOptionsAsOptionParameters(true);
        line.setExecutionExceptionHandler(new ErrorHandler());
        return line;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = WharfCommand.class.getPackage().getImplementationVersion();
            return new String[] {"wharf-server " + (v == null ? "dev" : v)};
        }
    }
}
