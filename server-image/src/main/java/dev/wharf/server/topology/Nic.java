package dev.wharf.server.topology;

import java.util.List;

/**
 * A network interface from {@code sys/class/net}. {@code virtual} interfaces (lo, bridges, veth, bonds,
 * VLANs) have no device of their own; bonds and VLANs inherit the placement of their lower devices when
 * those agree. {@code numaNode} and {@code localCpus} are {@code null} when sysfs does not say.
 */
public record Nic(String name, boolean virtual, Integer numaNode, CpuSet localCpus, List<String> lower) {}
