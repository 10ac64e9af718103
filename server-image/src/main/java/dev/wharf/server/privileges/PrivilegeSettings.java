package dev.wharf.server.privileges;

import dev.wharf.server.config.ConfigException;
import dev.wharf.server.config.ConfigFile;
import java.util.Locale;

/**
 * What the server would like from the kernel (docs/configuration.md, "Privileges").
 *
 * @param lockMemory lock the process's memory (and with it the transfer buffer pool) when CAP_IPC_LOCK allows
 * @param openFiles  RLIMIT_NOFILE wanted
 * @param pipeSize   capacity in bytes for the pipes that splice uses
 * @param netNice    nice value for network threads; below 0 needs CAP_SYS_NICE, 0 leaves it alone
 */
public record PrivilegeSettings(boolean lockMemory, long openFiles, int pipeSize, int netNice) {

    public static final PrivilegeSettings DEFAULTS = new PrivilegeSettings(true, 1_048_576, 4 << 20, -5);

    public static PrivilegeSettings from(ConfigFile config) {
        String lock = config.getString("privileges.memory-lock", "auto").toLowerCase(Locale.ROOT);
        if (!lock.equals("auto") && !lock.equals("off")) {
            throw new ConfigException("privileges.memory-lock must be auto or off, got '" + lock + "'");
        }
        return new PrivilegeSettings(lock.equals("auto"),
                config.getLong("privileges.open-files", DEFAULTS.openFiles(), 64, 1L << 30),
                config.getInt("privileges.pipe-size", DEFAULTS.pipeSize(), 4096, 1 << 30),
                config.getInt("privileges.net-nice", DEFAULTS.netNice(), -20, 19));
    }
}
