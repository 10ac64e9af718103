package dev.wharf.server.topology;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Network interfaces from {@code sys/class/net} and where each sits. */
final class NicDiscovery {

    private NicDiscovery() {}

    static List<Nic> nics(SysTree tree) {
        List<Nic> nics = new ArrayList<>();
        for (String name : SysTree.list(tree.path("sys/class/net"))) {
            nics.add(nic(tree, name, 0));
        }
        return nics;
    }

    static Nic nic(SysTree tree, String name, int depth) {
        Path dir = tree.path("sys/class/net/" + name);
        boolean virtual = SysTree.realPath(dir).map(p -> p.toString().contains("/devices/virtual/")).orElse(true)
                || !Files.exists(dir.resolve("device"));
        List<String> lower = lowerDevices(dir);
        if (Files.exists(dir.resolve("device"))) {
            SysTree.Placement p = tree.placementOf(dir.resolve("device"));
            return new Nic(name, virtual, p.numaNode(), p.localCpus(), lower);
        }
        // A bond or VLAN sits wherever all its lower devices sit; nothing is known when they disagree.
        Set<Integer> nodes = new LinkedHashSet<>();
        Set<CpuSet> cpus = new LinkedHashSet<>();
        if (depth < 8) {
            for (String l : lower) {
                Nic n = nic(tree, l, depth + 1);
                nodes.add(n.numaNode());
                cpus.add(n.localCpus());
            }
        }
        Integer node = nodes.size() == 1 ? nodes.iterator().next() : null;
        CpuSet local = cpus.size() == 1 ? cpus.iterator().next() : null;
        return new Nic(name, virtual, node, node == null ? null : local, lower);
    }

    /** {@code lower_<if>} links (VLANs, macvlan, bonds) and {@code bonding/slaves}. */
    static List<String> lowerDevices(Path dir) {
        Set<String> lower = new LinkedHashSet<>();
        for (String entry : SysTree.list(dir)) {
            if (entry.startsWith("lower_")) {
                lower.add(entry.substring("lower_".length()));
            }
        }
        SysTree.read(dir.resolve("bonding/slaves")).ifPresent(s -> {
            for (String slave : s.split("\\s+")) {
                if (!slave.isEmpty()) {
                    lower.add(slave);
                }
            }
        });
        return List.copyOf(lower);
    }
}
