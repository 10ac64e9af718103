package dev.wharf.server.topology;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a {@link Topology} from sysfs and procfs below a root ({@code topology.sysfs-root}). Never fails
 * on an odd machine: what cannot be read is left unknown and named in {@link Topology#warnings()}.
 */
public final class TopologyDiscovery {

    private final SysTree tree;
    private final InterfaceLookup interfaces;

    public TopologyDiscovery(Path sysfsRoot, InterfaceLookup interfaces) {
        this.tree = new SysTree(sysfsRoot);
        this.interfaces = interfaces;
    }

    /** The real machine's interfaces ({@link java.net.NetworkInterface}) and the given root. */
    public static TopologyDiscovery of(Path sysfsRoot) {
        return new TopologyDiscovery(sysfsRoot, InterfaceLookup.system());
    }

    /**
     * @param storagePath   the storage root to place (absolute; {@code null}: not asked). With the real
     *                      root it is resolved through symlinks first.
     * @param dataInterface NIC name or IP address of the data interface ({@code null}: not asked)
     */
    public Topology discover(String storagePath, String dataInterface) {
        List<String> warnings = new ArrayList<>();
        List<NumaNode> nodes = NodeDiscovery.nodes(tree, warnings);
        List<MountInfo.Mount> mounts = mounts(warnings);
        Optional<CgroupCpuset> cpuset = NodeDiscovery.cgroupCpuset(tree, mounts, warnings);
        CpuSet all = nodes.stream().map(NumaNode::cpus).reduce(CpuSet.EMPTY, CpuSet::or);
        CpuSet allowed = NodeDiscovery.allowedCpus(tree, warnings)
                .or(() -> cpuset.map(CgroupCpuset::cpus))
                .orElse(all);
        if (allowed.isEmpty()) {
            warnings.add("no allowed CPUs could be read; assuming CPU 0");
            allowed = CpuSet.of(0);
        }
        List<Nic> nics = NicDiscovery.nics(tree);
        Nic data = null;
        if (dataInterface != null) {
            Optional<String> name = nics.stream().anyMatch(n -> n.name().equals(dataInterface))
                    ? Optional.of(dataInterface) : interfaceFor(dataInterface, warnings);
            data = name.flatMap(n -> nics.stream().filter(x -> x.name().equals(n)).findFirst()).orElse(null);
            if (data == null && name.isPresent()) {
                warnings.add("data interface " + dataInterface + ": " + name.get() + " is not in sys/class/net");
            }
        }
        Storage storage = null;
        if (storagePath != null) {
            storage = StorageDiscovery.storage(tree, mounts, resolve(storagePath), warnings).orElse(null);
        }
        return new Topology(tree.root().toString(), List.copyOf(nodes), allowed, cpuset.orElse(null),
                List.copyOf(nics), data, dataInterface, storage, List.copyOf(warnings));
    }

    private Optional<String> interfaceFor(String text, List<String> warnings) {
        InetAddress address;
        try {
            if (!text.matches("[0-9.]+|[0-9a-fA-F:]*:[0-9a-fA-F:.%\\w]*")) {
                warnings.add("data interface " + text + ": no such NIC in sys/class/net");
                return Optional.empty();
            }
            address = InetAddress.getByName(text);
        } catch (java.net.UnknownHostException e) {
            warnings.add("data interface " + text + ": not a NIC name or IP address");
            return Optional.empty();
        }
        Optional<String> name = interfaces.nameOf(address);
        if (name.isEmpty()) {
            warnings.add("data interface " + text + ": no local interface carries this address");
        }
        return name;
    }

    private List<MountInfo.Mount> mounts(List<String> warnings) {
        try {
            return MountInfo.parse(tree.lines("proc/self/mountinfo"));
        } catch (IllegalArgumentException e) {
            warnings.add("proc/self/mountinfo: " + e.getMessage());
            return List.of();
        }
    }

    /** Symlinks in the path matter on the real machine; a fake tree's paths are taken as written. */
    private String resolve(String storagePath) {
        Path p = Path.of(storagePath).toAbsolutePath().normalize();
        if (tree.root().toAbsolutePath().normalize().equals(Path.of("/"))) {
            return SysTree.realPath(p).orElse(p).toString();
        }
        return p.toString();
    }
}
