package dev.wharf.server.privileges;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.server.config.ConfigException;
import dev.wharf.server.config.ConfigFile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The decision logic, fed capability masks with and without each bit. */
class PrivilegeDecisionTest {

    private static final Capabilities ALL = Capabilities.parse("000001ffffffffff");
    private static final PrivilegeDecision.Facts FACTS = new PrivilegeDecision.Facts(1024, 20000, 1_048_576, 1_048_576);

    @Test
    void everythingGrantedWithAllCapabilities() {
        PrivilegeDecision d = PrivilegeDecision.decide(ALL, FACTS, PrivilegeSettings.DEFAULTS);
        assertTrue(d.lockMemory());
        assertEquals(1_048_576, d.openFilesSoft());
        assertEquals(1_048_576, d.openFilesHard());
        assertEquals(4 << 20, d.pipeSize());
        assertEquals(-5, d.netNice());
        assertEquals(List.of(), d.warnings());
    }

    @Test
    void withoutIpcLockMemoryStaysUnlockedWithOneWarning() {
        PrivilegeDecision d = PrivilegeDecision.decide(ALL.without(Capability.IPC_LOCK), FACTS, PrivilegeSettings.DEFAULTS);
        assertFalse(d.lockMemory());
        assertEquals(1, d.warnings().size());
        assertTrue(d.warnings().get(0).startsWith("CAP_IPC_LOCK is missing: transfer buffers are not locked"),
                d.warnings().get(0));
    }

    @Test
    void withoutSysResourceOneWarningNamesBothLosses() {
        PrivilegeDecision d = PrivilegeDecision.decide(ALL.without(Capability.SYS_RESOURCE), FACTS,
                PrivilegeSettings.DEFAULTS);
        assertEquals(20000, d.openFilesSoft(), "soft raised to the hard limit, which needs nothing");
        assertEquals(20000, d.openFilesHard());
        assertEquals(1_048_576, d.pipeSize());
        assertEquals(List.of("CAP_SYS_RESOURCE is missing: open files stay at the hard limit 20000 (wanted 1048576); "
                + "splice pipes stay at fs.pipe-max-size 1048576 bytes (wanted 4194304)"), d.warnings());
    }

    @Test
    void withoutSysNiceNetworkThreadsKeepTheirPriority() {
        PrivilegeDecision d = PrivilegeDecision.decide(ALL.without(Capability.SYS_NICE), FACTS, PrivilegeSettings.DEFAULTS);
        assertEquals(0, d.netNice());
        assertEquals(1, d.warnings().size());
        assertTrue(d.warnings().get(0).startsWith("CAP_SYS_NICE is missing"), d.warnings().get(0));
    }

    @Test
    void noCapabilitiesThreeWarningsOnePerCapability() {
        PrivilegeDecision d = PrivilegeDecision.decide(Capabilities.NONE, FACTS, PrivilegeSettings.DEFAULTS);
        assertEquals(3, d.warnings().size(), d.warnings().toString());
        assertTrue(d.warnings().get(0).startsWith("CAP_IPC_LOCK"));
        assertTrue(d.warnings().get(1).startsWith("CAP_SYS_NICE"));
        assertTrue(d.warnings().get(2).startsWith("CAP_SYS_RESOURCE"));
    }

    @Test
    void modestWishesNeedNoCapabilityAndWarnNothing() {
        PrivilegeSettings modest = new PrivilegeSettings(false, 8192, 1 << 20, 0);
        PrivilegeDecision d = PrivilegeDecision.decide(Capabilities.NONE, FACTS, modest);
        assertFalse(d.lockMemory());
        assertEquals(8192, d.openFilesSoft());
        assertEquals(20000, d.openFilesHard(), "the hard limit is left where it was");
        assertEquals(1 << 20, d.pipeSize());
        assertEquals(List.of(), d.warnings());
    }

    @Test
    void nrOpenCapsTheWishEvenWithSysResource() {
        PrivilegeDecision.Facts small = new PrivilegeDecision.Facts(1024, 4096, 65536, 1_048_576);
        PrivilegeDecision d = PrivilegeDecision.decide(ALL, small, PrivilegeSettings.DEFAULTS);
        assertEquals(65536, d.openFilesHard());
    }

    @Test
    void aSoftLimitAlreadyHigherIsNotLowered() {
        PrivilegeDecision.Facts high = new PrivilegeDecision.Facts(50000, 60000, 1_048_576, 1_048_576);
        PrivilegeDecision d = PrivilegeDecision.decide(ALL, high, new PrivilegeSettings(true, 4096, 65536, 0));
        assertEquals(50000, d.openFilesSoft());
    }

    @Test
    void settingsFromConfig() {
        PrivilegeSettings s = PrivilegeSettings.from(ConfigFile.of(Map.of("privileges.memory-lock", "off",
                "privileges.open-files", "65536", "privileges.pipe-size", "1048576", "privileges.net-nice", "0")));
        assertEquals(new PrivilegeSettings(false, 65536, 1 << 20, 0), s);
        assertEquals(PrivilegeSettings.DEFAULTS, PrivilegeSettings.from(ConfigFile.empty()));
        org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class,
                () -> PrivilegeSettings.from(ConfigFile.of(Map.of("privileges.memory-lock", "yes"))));
        org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class,
                () -> PrivilegeSettings.from(ConfigFile.of(Map.of("privileges.net-nice", "-21"))));
    }
}
