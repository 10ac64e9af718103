package dev.wharf.server.topology;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which CPUs each {@link Role} runs on, inside the process's allowed CPUs; made by {@link ThreadPlanner}.
 *
 * @param setting the {@code threads.pinning} setting it came from
 * @param allowed the process's allowed CPUs
 * @param roles   each role's CPUs and the device they serve ({@code any} when unknown)
 * @param spread  whether {@link Role#onePerCpu()} roles get one CPU per thread (false: every thread its
 *                role's whole set)
 * @param notes   why the plan looks the way it does, in words (for the log and {@code /status})
 */
public record ThreadPlan(PinningSetting setting, CpuSet allowed, Map<Role, Assignment> roles, boolean spread,
                         List<String> notes) {

    /** A role's CPUs and the device it serves (a NIC or disk name, {@code any}, or {@code -}). */
    public record Assignment(CpuSet cpus, String device) {}

    public ThreadPlan {
        roles = Collections.unmodifiableMap(new EnumMap<>(roles));
        notes = List.copyOf(notes);
    }

    /** Whether threads are pinned at all ({@code threads.pinning = none} says no). */
    public boolean pinning() {
        return setting.mode() != PinningSetting.Mode.NONE;
    }

    public CpuSet cpus(Role role) {
        return roles.get(role).cpus();
    }

    public String device(Role role) {
        return roles.get(role).device();
    }

    /**
     * The CPUs the {@code index}-th thread (from 0) of a role is pinned to: one CPU round-robin for
     * {@link Role#onePerCpu()} roles, the whole set otherwise.
     */
    public CpuSet cpusForThread(Role role, int index) {
        CpuSet set = cpus(role);
        if (!onePerCpu(role) || set.size() <= 1) {
            return set;
        }
        List<Integer> list = set.toList();
        return CpuSet.of(list.get(Math.floorMod(index, list.size())));
    }

    public boolean onePerCpu(Role role) {
        return spread && role.onePerCpu();
    }

    /** A good thread count for a role's pool: one event loop per NET CPU; at least one. */
    public int suggestedThreads(Role role) {
        return Math.max(1, cpus(role).size());
    }

    /** The plan as plain maps for the {@code /status} JSON (docs/topology.md). */
    public Map<String, Object> toStatus() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("pinning", setting.toString());
        out.put("allowedCpus", allowed.toString());
        Map<String, Object> r = new LinkedHashMap<>();
        roles.forEach((role, a) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("cpus", a.cpus().toString());
            m.put("device", a.device());
            m.put("onePerCpu", onePerCpu(role));
            r.put(role.key(), m);
        });
        out.put("roles", r);
        out.put("notes", notes);
        return out;
    }
}
