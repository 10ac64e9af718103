package dev.wharf.server.topology;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The disks behind a storage path: its mount (mountinfo) → {@code major:minor} → {@code sys/dev/block}
 * → partition to whole disk, device-mapper and md {@code slaves/} down to the disks → their placement.
 */
final class StorageDiscovery {

    private static final int MAX_DEPTH = 16;

    private StorageDiscovery() {}

    static Optional<Storage> storage(SysTree tree, List<MountInfo.Mount> mounts, String path, List<String> warnings) {
        Optional<MountInfo.Mount> found = MountInfo.mountOf(mounts, path);
        if (found.isEmpty()) {
            warnings.add("storage " + path + ": no mount in proc/self/mountinfo holds it");
            return Optional.empty();
        }
        MountInfo.Mount m = found.get();
        Path block = null;
        if (m.major() != 0) {
            block = tree.path("sys/dev/block/" + m.device());
        } else if (m.source().startsWith("/dev/")) {
            // btrfs and a few others report an anonymous device; the source still names the disk.
            block = tree.path("sys/class/block/" + Path.of(m.source()).getFileName());
        }
        Optional<Path> real = block == null ? Optional.empty() : SysTree.realPath(block);
        if (real.isEmpty()) {
            warnings.add("storage " + path + ": " + m.fsType() + " on " + m.source() + " has no block device; "
                    + "disk threads are not placed");
            return Optional.of(new Storage(path, m.mountPoint(), m.fsType(), m.source(), m.device(), null,
                    List.of(), List.of(), null, null));
        }
        List<String> layers = new ArrayList<>();
        List<Storage.Disk> disks = new ArrayList<>();
        walk(tree, real.get(), layers, disks, 0);
        Set<Integer> nodes = new LinkedHashSet<>();
        CpuSet local = CpuSet.EMPTY;
        boolean allLocal = true;
        for (Storage.Disk d : disks) {
            nodes.add(d.numaNode());
            if (d.localCpus() == null) {
                allLocal = false;
            } else {
                local = local.or(d.localCpus());
            }
        }
        Integer node = nodes.size() == 1 ? nodes.iterator().next() : null;
        if (nodes.size() > 1) {
            warnings.add("storage " + path + ": disks " + disks.stream().map(Storage.Disk::name).toList()
                    + " sit on different NUMA nodes " + nodes + "; disk threads use all their CPUs");
        }
        CpuSet localCpus = allLocal && !disks.isEmpty() ? local : null;
        return Optional.of(new Storage(path, m.mountPoint(), m.fsType(), m.source(), m.device(),
                real.get().getFileName().toString(), layers, disks, node, localCpus));
    }

    private static void walk(SysTree tree, Path dev, List<String> layers, List<Storage.Disk> disks, int depth) {
        String name = dev.getFileName().toString();
        if (depth > MAX_DEPTH || layers.contains(name)) {
            return;
        }
        layers.add(name);
        if (Files.exists(dev.resolve("partition"))) {
            walk(tree, dev.getParent(), layers, disks, depth + 1);
            return;
        }
        List<String> slaves = SysTree.list(dev.resolve("slaves"));
        if (!slaves.isEmpty()) {
            for (String slave : slaves) {
                Optional<Path> next = SysTree.realPath(dev.resolve("slaves").resolve(slave))
                        .or(() -> SysTree.realPath(tree.path("sys/class/block/" + slave)));
                next.ifPresent(p -> walk(tree, p, layers, disks, depth + 1));
            }
            return;
        }
        Path device = Files.exists(dev.resolve("device")) ? dev.resolve("device") : dev;
        SysTree.Placement p = tree.placementOf(device);
        disks.add(new Storage.Disk(name, p.numaNode(), p.localCpus()));
    }
}
