package dev.wharf.config;

import java.util.List;

/** The sections of docs/configuration.md, in page order, each with its keys in table order. */
public enum Section {
    NETWORK("Network", NetworkKeys.KEYS),
    STORAGE("Storage and logins", StorageKeys.KEYS),
    FTP("FTP and FTPS doors", FtpKeys.KEYS),
    ADMIN("Admin endpoint and logging", AdminKeys.KEYS),
    ACL("Access control", AclKeys.KEYS),
    GRID("GridFTP, GSI and dCap", GridKeys.KEYS),
    KERBEROS("Kerberos", KrbKeys.KEYS),
    SRM("SRM door", SrmKeys.KEYS),
    THREADS("Threads, topology and privileges", ThreadKeys.KEYS);

    private final String title;
    private final List<ConfigKey> keys;

    Section(String title, List<ConfigKey> keys) {
        this.title = title;
        this.keys = keys;
    }

    public String title() {
        return title;
    }

    public List<ConfigKey> keys() {
        return keys;
    }
}
