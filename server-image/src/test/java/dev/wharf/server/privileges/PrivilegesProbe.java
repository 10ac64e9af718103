package dev.wharf.server.privileges;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wharf.server.config.ConfigFile;

/** Run by DroppedCapabilitiesTest in a child JVM with fewer capabilities: applies and prints the status. */
public final class PrivilegesProbe {

    private PrivilegesProbe() {}

    public static void main(String[] args) throws Exception {
        Privileges p = Privileges.apply(ConfigFile.empty());
        System.out.println(new ObjectMapper().writeValueAsString(p.status()));
    }
}
