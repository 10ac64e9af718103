package dev.wharf.server.topology;

import java.util.List;
import java.util.Optional;

/**
 * What the machine looks like from inside this process: NUMA nodes, NICs, the storage path's disks,
 * and the CPUs the process may run on. Rendered by {@link TopologyJson}; planned by {@code ThreadPlanner}.
 *
 * @param dataInterface the NIC that carries data ({@code null} when not asked or not found)
 * @param storage       the storage path's devices ({@code null} when not asked)
 * @param warnings      what could not be determined, in words
 */
public record Topology(String sysfsRoot, List<NumaNode> nodes, CpuSet allowedCpus, CgroupCpuset cgroupCpuset,
                       List<Nic> nics, Nic dataInterface, String dataInterfaceRequested, Storage storage,
                       List<String> warnings) {

    public boolean numa() {
        return nodes.size() > 1;
    }

    public Optional<Nic> nic(String name) {
        return nics.stream().filter(n -> n.name().equals(name)).findFirst();
    }

    public Optional<NumaNode> node(int id) {
        return nodes.stream().filter(n -> n.id() == id).findFirst();
    }

    /** CPUs local to a device: its {@code local_cpulist}, else its node's CPUs, else none (unknown). */
    public CpuSet localCpus(Integer numaNode, CpuSet localCpus) {
        if (localCpus != null && !localCpus.isEmpty()) {
            return localCpus;
        }
        if (numaNode != null) {
            return node(numaNode).map(NumaNode::cpus).orElse(CpuSet.EMPTY);
        }
        return CpuSet.EMPTY;
    }
}
