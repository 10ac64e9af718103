package dev.wharf.server.topology;

import java.util.List;

/** One NUMA node: its CPUs (empty for memory-only nodes) and its distance row ({@code node<N>/distance}). */
public record NumaNode(int id, CpuSet cpus, List<Integer> distances) {}
