package dev.wharf.server.privileges;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class CapabilitiesTest {

    @Test
    void theBuildMachinesRootLacksOnlySysResource() {
        Capabilities c = Capabilities.parse("000001fffeffffff");
        assertTrue(c.has(Capability.IPC_LOCK));
        assertTrue(c.has(Capability.SYS_NICE));
        assertTrue(c.has(Capability.SYS_ADMIN));
        assertFalse(c.has(Capability.SYS_RESOURCE));
        assertEquals(EnumSet.of(Capability.IPC_LOCK, Capability.SYS_ADMIN, Capability.SYS_NICE), c.present());
    }

    @Test
    void dockerDefaultSetHasNoneOfThem() {
        // docker's default: CHOWN DAC_OVERRIDE FOWNER FSETID KILL SETGID SETUID SETPCAP NET_BIND_SERVICE
        // NET_RAW SYS_CHROOT MKNOD AUDIT_WRITE SETFCAP
        Capabilities c = Capabilities.parse("00000000a80425fb");
        assertTrue(c.present().isEmpty());
        assertTrue(c.without(Capability.SYS_NICE).present().isEmpty());
    }

    @Test
    void addedCapabilitiesAreSeenAndCanBeTakenAway() {
        Capabilities docker = Capabilities.parse("00000000a80425fb");
        Capabilities added = new Capabilities(docker.effective() | (1L << 14) | (1L << 23));
        assertEquals(EnumSet.of(Capability.IPC_LOCK, Capability.SYS_NICE), added.present());
        assertEquals(docker, added.without(Capability.IPC_LOCK).without(Capability.SYS_NICE));
        assertEquals("00000000a88465fb", added.toString());
    }

    @Test
    void garbageIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Capabilities.parse("xyz"));
    }
}
