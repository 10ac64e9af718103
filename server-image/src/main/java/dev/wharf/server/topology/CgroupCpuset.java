package dev.wharf.server.topology;

/**
 * The cgroup cpuset the process lives in: cgroup {@code version} 1 or 2, the cgroup {@code path} and
 * its effective CPUs. Informational: the kernel already folds it into the allowed CPUs.
 */
public record CgroupCpuset(int version, String path, CpuSet cpus) {}
