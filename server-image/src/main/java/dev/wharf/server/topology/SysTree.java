package dev.wharf.server.topology;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Read access to {@code sys/} and {@code proc/} below a root directory: {@code /} on a real machine, a
 * fake tree in tests. Paths given to it are relative ({@code sys/class/net}); missing or unreadable
 * files read as empty, because sysfs legitimately lacks most attributes on some devices.
 */
public final class SysTree {

    private final Path root;

    public SysTree(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    public Path path(String relative) {
        return root.resolve(relative);
    }

    /** The file's text without the trailing newline. */
    public Optional<String> read(String relative) {
        return read(path(relative));
    }

    public static Optional<String> read(Path file) {
        // Not Files.readString: it trusts the reported size, and procfs sysctl files report 0 (JDK
        // returns "1" for a 7-digit /proc/sys/fs/pipe-max-size).
        try (java.io.InputStream in = Files.newInputStream(file)) {
            return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).strip());
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    public List<String> lines(String relative) {
        try {
            return Files.readAllLines(path(relative), StandardCharsets.UTF_8);
        } catch (IOException | SecurityException e) {
            return List.of();
        }
    }

    /** Names of the entries of a directory, sorted; empty when it does not exist. */
    public static List<String> list(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            List<String> names = new ArrayList<>();
            s.forEach(p -> names.add(p.getFileName().toString()));
            names.sort(SysTree::naturalOrder);
            return names;
        } catch (IOException e) {
            return List.of();
        }
    }

    /** {@code node2} before {@code node10}. */
    static int naturalOrder(String a, String b) {
        String pa = a.replaceAll("\\d+$", "");
        String pb = b.replaceAll("\\d+$", "");
        if (pa.equals(pb) && a.length() > pa.length() && b.length() > pb.length()) {
            return Long.compare(Long.parseLong(a.substring(pa.length())), Long.parseLong(b.substring(pb.length())));
        }
        return a.compareTo(b);
    }

    public static Optional<Path> realPath(Path p) {
        try {
            return Optional.of(p.toRealPath());
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    /**
     * The device's NUMA placement: its own {@code numa_node}/{@code local_cpulist} or those of the first
     * ancestor that has them (virtio, SCSI and NVMe namespaces hang below the PCI function that carries
     * them). Stops at {@code sys/devices}.
     */
    public Placement placementOf(Path device) {
        Optional<Path> real = realPath(device);
        Optional<Path> stop = realPath(path("sys/devices"));
        if (real.isEmpty()) {
            return Placement.UNKNOWN;
        }
        for (Path p = real.get(); p != null && (stop.isEmpty() || p.startsWith(stop.get()))
                && !p.equals(stop.orElse(null)); p = p.getParent()) {
            Optional<String> node = read(p.resolve("numa_node"));
            if (node.isPresent()) {
                Integer id = parseNode(node.get());
                CpuSet local = null;
                for (Path q = p; q != null && local == null && !q.equals(stop.orElse(null)); q = q.getParent()) {
                    local = read(q.resolve("local_cpulist")).flatMap(SysTree::cpus).orElse(null);
                }
                Path at = p;
                return new Placement(id, local, stop.map(s -> s.relativize(at).toString()).orElse(at.toString()));
            }
        }
        return Placement.UNKNOWN;
    }

    /** A cpulist file's content; garbage reads as unknown rather than stopping discovery. */
    static Optional<CpuSet> cpus(String text) {
        try {
            return Optional.of(CpuSet.parse(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** {@code -1} (firmware did not say) and garbage both mean "no affinity". */
    static Integer parseNode(String text) {
        try {
            int id = Integer.parseInt(text.strip());
            return id < 0 ? null : id;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * Where a device sits: its NUMA node ({@code null} when unknown), the CPUs sysfs calls local
     * ({@code null} when absent), and the sysfs device that said so (below {@code sys/devices}).
     */
    public record Placement(Integer numaNode, CpuSet localCpus, String source) {
        public static final Placement UNKNOWN = new Placement(null, null, null);
    }
}
