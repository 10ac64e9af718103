package dev.wharf.config;

import java.util.List;

/** server.conf keys of the "Threads, topology and privileges" section of docs/configuration.md. */
final class ThreadKeys {

    private ThreadKeys() {}

    static final List<ConfigKey> KEYS = List.of(
            new ConfigKey("threads.pinning", KeyType.TEXT, "auto", null, ConfigKey.NONE, List.of("server"),
                    "`auto` (net threads near the data NIC, disk threads near the storage, control on the rest, inside the cpuset), `none`, or an explicit map `net:0-1;disk:2-3;control:4`"),
            new ConfigKey("topology.sysfs-root", KeyType.PATH, "/", null, ConfigKey.NONE, List.of("server"),
                    "where `sys/` and `proc/` are read (tests use fake trees)"),
            new ConfigKey("privileges.memory-lock", KeyType.CHOICE, "auto", null, ConfigKey.choices("auto", "off"), List.of("server"),
                    "`auto`: mlockall (on fault) when CAP_IPC_LOCK is present, so transfer buffers are never paged out; `off`"),
            new ConfigKey("privileges.open-files", KeyType.INTEGER, "1048576", null, ConfigKey.range(64L, 1073741824L), List.of("server"),
                    "RLIMIT_NOFILE wanted; above the hard limit needs CAP_SYS_RESOURCE, capped by `fs.nr_open`"),
            new ConfigKey("privileges.pipe-size", KeyType.INTEGER, "4194304", null, ConfigKey.range(4096L, 1073741824L), List.of("server"),
                    "capacity in bytes of splice pipes; above `fs.pipe-max-size` needs CAP_SYS_RESOURCE"),
            new ConfigKey("privileges.net-nice", KeyType.INTEGER, "-5", null, ConfigKey.range(-20L, 19L), List.of("server"),
                    "nice value of network threads; below 0 needs CAP_SYS_NICE; `0` leaves them alone"));
}
