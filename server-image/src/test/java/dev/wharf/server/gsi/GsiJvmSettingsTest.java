package dev.wharf.server.gsi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class GsiJvmSettingsTest {

    @Test
    void serverNameIsAddedOnceAndOthersKept() {
        assertEquals("server_name", GsiJvmSettings.merged(null));
        assertEquals("server_name", GsiJvmSettings.merged(" "));
        assertEquals("status_request,server_name", GsiJvmSettings.merged("status_request"));
        assertEquals("status_request, server_name", GsiJvmSettings.merged("status_request, server_name"));
    }
}
