package dev.wharf.server.privileges;

import dev.wharf.server.config.ConfigFile;

/**
 * What the server would like from the kernel (docs/configuration.md, "Privileges").
 *
 * @param lockMemory lock the process's memory (and with it the transfer buffer pool) when CAP_IPC_LOCK allows
 * @param openFiles  RLIMIT_NOFILE wanted
 * @param pipeSize   capacity in bytes for the pipes that splice uses
 * @param netNice    nice value for network threads; below 0 needs CAP_SYS_NICE, 0 leaves it alone
 */
public record PrivilegeSettings(boolean lockMemory, long openFiles, int pipeSize, int netNice) {

    /** What an empty configuration asks for: the defaults declared in the schema (docs/configuration.md). */
    public static final PrivilegeSettings DEFAULTS = from(ConfigFile.empty());

    public static PrivilegeSettings from(ConfigFile config) {
        return new PrivilegeSettings(config.declaredChoice("privileges.memory-lock").equals("auto"),
                config.declaredLong("privileges.open-files"),
                config.declaredInt("privileges.pipe-size"),
                config.declaredInt("privileges.net-nice"));
    }
}
