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

    @Test
    void theTestJvmRunsWithTheSetting() {
        // surefire sets it as Main does; without it every DCAU test against a Globus client would fail
        org.junit.jupiter.api.Assertions.assertTrue(GsiJvmSettings.applied());
    }
}
