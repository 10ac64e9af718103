package dev.wharf.server.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** NUMA nodes from {@code sys/devices/system/node}; a machine without that directory is one node. */
final class NodeDiscovery {

    private NodeDiscovery() {}

    static List<NumaNode> nodes(SysTree tree, List<String> warnings) {
        String base = "sys/devices/system/node";
        CpuSet ids = tree.read(base + "/online").or(() -> tree.read(base + "/possible"))
                .flatMap(s -> parse(s, base + "/online", warnings)).orElse(null);
        if (ids == null) {
            ids = CpuSet.EMPTY;
            for (String name : SysTree.list(tree.path(base))) {
                if (name.matches("node\\d+")) {
                    ids = ids.or(CpuSet.of(Integer.parseInt(name.substring(4))));
                }
            }
        }
        List<NumaNode> nodes = new ArrayList<>();
        for (int id : ids.toList()) {
            String dir = base + "/node" + id;
            CpuSet cpus = tree.read(dir + "/cpulist").flatMap(s -> parse(s, dir + "/cpulist", warnings))
                    .orElse(CpuSet.EMPTY);
            nodes.add(new NumaNode(id, cpus, distances(tree.read(dir + "/distance").orElse(""))));
        }
        if (nodes.isEmpty()) {
            CpuSet cpus = tree.read("sys/devices/system/cpu/online")
                    .flatMap(s -> parse(s, "sys/devices/system/cpu/online", warnings)).orElse(CpuSet.EMPTY);
            nodes.add(new NumaNode(0, cpus, List.of(10)));
        }
        return nodes;
    }

    static Optional<CpuSet> parse(String text, String file, List<String> warnings) {
        try {
            return Optional.of(CpuSet.parse(text));
        } catch (IllegalArgumentException e) {
            warnings.add(file + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    static List<Integer> distances(String text) {
        List<Integer> out = new ArrayList<>();
        for (String s : text.strip().split("\\s+")) {
            if (s.matches("\\d+")) {
                out.add(Integer.parseInt(s));
            }
        }
        return out;
    }

    /** {@code Cpus_allowed_list} of the process (the thread group leader, which Wharf never pins). */
    static Optional<CpuSet> allowedCpus(SysTree tree, List<String> warnings) {
        for (String line : tree.lines("proc/self/status")) {
            if (line.startsWith("Cpus_allowed_list:")) {
                return parse(line.substring(line.indexOf(':') + 1), "proc/self/status Cpus_allowed_list", warnings);
            }
        }
        return Optional.empty();
    }

    /** The cgroup cpuset (v1 {@code cpuset} controller, else the v2 unified hierarchy), if readable. */
    static Optional<CgroupCpuset> cgroupCpuset(SysTree tree, List<MountInfo.Mount> mounts, List<String> warnings) {
        String v1 = null;
        String v2 = null;
        for (String line : tree.lines("proc/self/cgroup")) {
            String[] f = line.split(":", 3);
            if (f.length != 3) {
                continue;
            }
            if (f[0].equals("0") && f[1].isEmpty()) {
                v2 = f[2];
            } else if (List.of(f[1].split(",")).contains("cpuset")) {
                v1 = f[2];
            }
        }
        if (v1 != null) {
            for (MountInfo.Mount m : mounts) {
                if (m.fsType().equals("cgroup") && List.of(m.superOptions().split(",")).contains("cpuset")) {
                    return read(tree, m, v1, 1, List.of("cpuset.effective_cpus", "cpuset.cpus"), warnings);
                }
            }
        }
        if (v2 != null) {
            for (MountInfo.Mount m : mounts) {
                if (m.fsType().equals("cgroup2")) {
                    return read(tree, m, v2, 2, List.of("cpuset.cpus.effective"), warnings);
                }
            }
        }
        return Optional.empty();
    }

    /** Walks up to the first ancestor cgroup that has the file: a cgroup without its own cpuset inherits. */
    private static Optional<CgroupCpuset> read(SysTree tree, MountInfo.Mount mount, String cgroupPath, int version,
                                         List<String> files, List<String> warnings) {
        String rel = cgroupPath;
        if (!mount.root().equals("/") && (rel.equals(mount.root()) || rel.startsWith(mount.root() + "/"))) {
            rel = rel.substring(mount.root().length());
        }
        String dir = (mount.mountPoint() + "/" + rel).replaceAll("/+", "/").replaceAll("^/", "");
        for (String d = dir; d != null; d = parent(d, mount.mountPoint())) {
            for (String file : files) {
                Optional<String> text = tree.read(d + "/" + file);
                if (text.isPresent()) {
                    String where = d + "/" + file;
                    return parse(text.get(), where, warnings).map(cpus -> new CgroupCpuset(version, cgroupPath, cpus));
                }
            }
        }
        return Optional.empty();
    }

    private static String parent(String dir, String mountPoint) {
        String top = mountPoint.replaceAll("^/", "").replaceAll("/$", "");
        if (dir.equals(top) || dir.lastIndexOf('/') < 0) {
            return null;
        }
        String up = dir.substring(0, dir.lastIndexOf('/'));
        return up.length() < top.length() ? null : up;
    }
}
