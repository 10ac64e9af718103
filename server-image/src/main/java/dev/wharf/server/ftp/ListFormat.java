package dev.wharf.server.ftp;

import dev.wharf.server.config.ConfigException;

/** {@code ftp.list-format}: how LIST prints entries (PROTOCOLS.md §1.5). MLSD is always precise. */
public enum ListFormat {
    LS_L, LEGACY;

    public static ListFormat parse(String value) {
        return switch (value) {
            case "ls-l" -> LS_L;
            case "legacy" -> LEGACY;
            default -> throw new ConfigException("ftp.list-format must be ls-l or legacy, got '" + value + "'");
        };
    }
}
