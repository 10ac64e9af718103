package dev.wharf.server.topology;

import dev.wharf.server.config.ConfigException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a {@link Topology} and the {@code threads.pinning} setting into a {@link ThreadPlan}; a pure
 * function, so every placement rule is unit-tested on fixture trees.
 *
 * <p>{@code auto}: NET gets the allowed CPUs local to the data NIC, DISK those local to the storage
 * disks (either falls back to all allowed CPUs when its device's placement is unknown). When both are
 * the same set and fewer than four CPUs are allowed, no role is fenced off and no thread is tied to
 * one CPU (there is no locality to win and no CPU to spare). Otherwise CPUs local to
 * both are split between them, keeping each side's CPUs contiguous and the two sides as equal as
 * possible. CONTROL gets the allowed CPUs neither uses; when none are left and there are at least four
 * CPUs, it takes the highest CPU of the larger of DISK and NET (DISK on a tie), otherwise it shares all
 * allowed CPUs. With one CPU every role shares it.
 */
public final class ThreadPlanner {

    /** Below this many allowed CPUs control threads do not get a CPU of their own. */
    static final int CONTROL_CPU_THRESHOLD = 4;

    /** Below this many allowed CPUs net and disk are only separated when their devices' CPUs differ. */
    static final int SPLIT_THRESHOLD = 4;

    private ThreadPlanner() {}

    public static ThreadPlan plan(Topology topology, PinningSetting setting) {
        CpuSet allowed = topology.allowedCpus();
        String net = topology.dataInterface() == null ? "any" : topology.dataInterface().name();
        String disk = diskName(topology.storage());
        List<String> notes = new ArrayList<>();
        Map<Role, ThreadPlan.Assignment> roles = new EnumMap<>(Role.class);
        boolean spread = true;
        switch (setting.mode()) {
            case NONE -> {
                notes.add("threads.pinning = none: threads run anywhere in " + allowed);
                roles.put(Role.NET, new ThreadPlan.Assignment(allowed, net));
                roles.put(Role.DISK, new ThreadPlan.Assignment(allowed, disk));
                roles.put(Role.CONTROL, new ThreadPlan.Assignment(allowed, "-"));
            }
            case EXPLICIT -> {
                for (Role r : Role.values()) {
                    CpuSet cpus = setting.explicit().getOrDefault(r, allowed);
                    if (!allowed.containsAll(cpus)) {
                        throw new ConfigException(PinningSetting.KEY + ": " + r.key() + " CPUs " + cpus.minus(allowed)
                                + " are outside the CPUs this process may use (" + allowed + ")");
                    }
                    roles.put(r, new ThreadPlan.Assignment(cpus, r == Role.NET ? net : r == Role.DISK ? disk : "-"));
                }
                notes.add("explicit map from " + PinningSetting.KEY);
            }
            case AUTO -> spread = auto(topology, allowed, net, disk, roles, notes);
            default -> throw new IllegalStateException(setting.mode().toString());
        }
        return new ThreadPlan(setting, allowed, roles, spread, notes);
    }

    /** Fills {@code roles}; returns whether network loops get one CPU each. */
    private static boolean auto(Topology t, CpuSet allowed, String netDevice, String diskDevice,
                             Map<Role, ThreadPlan.Assignment> roles, List<String> notes) {
        if (allowed.size() <= 1) {
            notes.add("one CPU (" + allowed + "): every role shares it");
            roles.put(Role.NET, new ThreadPlan.Assignment(allowed, netDevice));
            roles.put(Role.DISK, new ThreadPlan.Assignment(allowed, diskDevice));
            roles.put(Role.CONTROL, new ThreadPlan.Assignment(allowed, "-"));
            return true;
        }
        Nic nic = t.dataInterface();
        CpuSet nearNic = local(t, "data interface " + netDevice, nic == null ? null : nic.numaNode(),
                nic == null ? null : nic.localCpus(), allowed, notes);
        Storage s = t.storage();
        CpuSet nearDisk = local(t, "storage " + diskDevice, s == null ? null : s.numaNode(),
                s == null ? null : s.localCpus(), allowed, notes);

        if (nearNic.equals(nearDisk) && allowed.size() < SPLIT_THRESHOLD) {
            // Nothing to gain from locality and too few CPUs to dedicate any: splitting roles, or tying
            // each event loop to one CPU, can only keep threads waiting for a busy CPU while another
            // idles (docs/performance.md). Every thread may use every allowed CPU.
            notes.add("NIC and storage share CPUs " + nearNic + " and fewer than " + SPLIT_THRESHOLD
                    + " CPUs are allowed: no role is fenced off, every thread may run on " + allowed);
            roles.put(Role.NET, new ThreadPlan.Assignment(allowed, netDevice));
            roles.put(Role.DISK, new ThreadPlan.Assignment(allowed, diskDevice));
            roles.put(Role.CONTROL, new ThreadPlan.Assignment(allowed, "-"));
            return false;
        }
        CpuSet net = nearNic.minus(nearDisk);
        CpuSet disk = nearDisk.minus(nearNic);
        CpuSet shared = nearNic.and(nearDisk);
        int toNet = Math.max(0, Math.min(shared.size(), (shared.size() + disk.size() - net.size() + 1) / 2));
        net = net.or(shared.firstN(toNet));
        disk = disk.or(shared.minus(shared.firstN(toNet)));
        if (net.isEmpty()) {
            net = disk;
            notes.add("network threads share the disk threads' CPUs");
        } else if (disk.isEmpty()) {
            disk = net;
            notes.add("disk threads share the network threads' CPUs");
        }
        CpuSet control = allowed.minus(net.or(disk));
        if (control.isEmpty() && allowed.size() >= CONTROL_CPU_THRESHOLD && !net.equals(disk)) {
            if (disk.size() >= net.size()) {
                control = CpuSet.of(disk.last());
                disk = disk.without(disk.last());
            } else {
                control = CpuSet.of(net.last());
                net = net.without(net.last());
            }
        } else if (control.isEmpty()) {
            control = allowed;
            notes.add("control threads share all allowed CPUs (" + allowed + ")");
        }
        roles.put(Role.NET, new ThreadPlan.Assignment(net, netDevice));
        roles.put(Role.DISK, new ThreadPlan.Assignment(disk, diskDevice));
        roles.put(Role.CONTROL, new ThreadPlan.Assignment(control, "-"));
        return true;
    }

    /** The allowed CPUs local to a device; all allowed CPUs when unknown or disjoint (with a note). */
    private static CpuSet local(Topology t, String what, Integer node, CpuSet localCpus, CpuSet allowed,
                                List<String> notes) {
        CpuSet local = t.localCpus(node, localCpus);
        if (local.isEmpty()) {
            notes.add(what + ": placement unknown, using all allowed CPUs");
            return allowed;
        }
        CpuSet usable = local.and(allowed);
        if (usable.isEmpty()) {
            notes.add(what + ": its CPUs " + local + " are outside the allowed " + allowed + ", using those");
            return allowed;
        }
        return usable;
    }

    private static String diskName(Storage s) {
        if (s == null) {
            return "any";
        }
        if (s.disks().size() == 1) {
            return s.disks().get(0).name();
        }
        return s.device() == null ? "any" : s.device();
    }
}
