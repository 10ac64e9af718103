package dev.wharf.server.topology;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code wharf-server topology}: prints what {@link TopologyDiscovery} sees as the version-1 JSON of
 * docs/topology.md. The operator's node agent publishes this output. Exit code 0 even when parts are
 * unknown (they are {@code null} and explained in {@code warnings}).
 */
@Command(name = "topology", mixinStandardHelpOptions = true,
        description = "Print NUMA nodes, NICs, the storage path's disks and the allowed CPUs as JSON.")
public final class TopologyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--sysfs-root", defaultValue = "/", paramLabel = "DIR",
            description = "Directory holding sys/ and proc/ (default: ${DEFAULT-VALUE}).")
    Path sysfsRoot;

    @Option(names = "--storage", paramLabel = "PATH", description = "Storage path whose disks to place.")
    String storage;

    @Option(names = "--interface", paramLabel = "NAME|IP", description = "Data interface, by NIC name or address.")
    String dataInterface;

    @Override
    public Integer call() {
        Topology t = TopologyDiscovery.of(sysfsRoot).discover(storage, dataInterface);
        PrintWriter out = spec.commandLine().getOut();
        out.println(TopologyJson.toJson(t));
        out.flush();
        return 0;
    }
}
