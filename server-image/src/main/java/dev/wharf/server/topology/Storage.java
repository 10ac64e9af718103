package dev.wharf.server.topology;

import java.util.List;

/**
 * The block devices behind a storage path. {@code device} is the mounted device ({@code major:minor}
 * and kernel name, {@code null} for filesystems without one such as tmpfs, overlay or NFS);
 * {@code layers} lists every device from the mounted one down through partitions, device-mapper and
 * md to the {@code disks} that hold the data. {@code numaNode} is set when all disks agree.
 */
public record Storage(String path, String mountPoint, String fsType, String source, String majorMinor,
                      String device, List<String> layers, List<Disk> disks, Integer numaNode, CpuSet localCpus) {

    /** A whole disk at the bottom of the stack and where it sits. */
    public record Disk(String name, Integer numaNode, CpuSet localCpus) {}
}
