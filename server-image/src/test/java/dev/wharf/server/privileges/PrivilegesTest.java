package dev.wharf.server.privileges;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import dev.wharf.server.topology.CpuPinning;
import dev.wharf.server.topology.PinningSetting;
import dev.wharf.server.topology.Role;
import dev.wharf.server.topology.ThreadPlanner;
import dev.wharf.server.topology.TopologyDiscovery;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The real kernel, with this process's real capabilities (root on the build machines: everything but
 * CAP_SYS_RESOURCE). Each test checks the outcome its capability allows; PrivilegeDecisionTest and
 * DroppedCapabilitiesTest cover the other side.
 */
class PrivilegesTest {

    private static final Capabilities CAPS = Capabilities.current(Path.of("/"));
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(Privileges.class);

    @BeforeEach
    void setUp() {
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void tearDown() {
        logger.detachAppender(log);
        LibC.munlockall();
    }

    static long statusKb(String field, String file) throws Exception {
        for (String line : Files.readAllLines(Path.of(file))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new AssertionError("no " + field + " in " + file);
    }

    private List<String> warnings() {
        return log.list.stream().filter(e -> e.getLevel() == Level.WARN).map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Test
    void appliesWhatTheCapabilitiesAllowAndWarnsOncePerMissingOne() throws Exception {
        Privileges p = Privileges.apply(CAPS, PrivilegeSettings.DEFAULTS);
        PrivilegeDecision.Facts after = Privileges.facts();
        if (CAPS.has(Capability.IPC_LOCK)) {
            assertTrue(p.memoryLocked());
            assertTrue(statusKb("VmLck", "/proc/self/status") > 0, "mlockall shows in VmLck");
        } else {
            assertTrue(warnings().stream().anyMatch(w -> w.startsWith("CAP_IPC_LOCK is missing")), warnings().toString());
        }
        if (CAPS.has(Capability.SYS_RESOURCE)) {
            assertEquals(4 << 20, p.pipeSize());
            assertEquals(Math.min(1_048_576, after.nrOpen()), after.openFilesSoft());
        } else {
            assertEquals(after.pipeMaxSize(), p.pipeSize());
            assertEquals(after.openFilesHard(), after.openFilesSoft(), "soft limit raised to the hard one");
            assertEquals(after.openFilesHard(), p.openFiles());
            assertEquals(1, warnings().stream().filter(w -> w.contains("CAP_SYS_RESOURCE")).count(), warnings().toString());
        }
        for (Capability c : Capability.values()) {
            assertTrue(warnings().stream().filter(w -> w.contains(c.capName())).count() <= 1, warnings().toString());
        }
        assertEquals(CAPS.has(Capability.IPC_LOCK), p.status().get("memoryLocked"));
    }

    @Test
    void theKernelAgreesAboutPipeCapacity() {
        int[] fds = LibC.pipe();
        try {
            int max = Privileges.facts().pipeMaxSize();
            assertEquals(max, PipeCapacity.set(fds[1], max), "up to fs.pipe-max-size needs nothing");
            if (CAPS.has(Capability.SYS_RESOURCE)) {
                assertEquals(2 * max, PipeCapacity.set(fds[1], 2 * max));
            } else {
                LastErrorException e = assertThrows(LastErrorException.class, () -> PipeCapacity.set(fds[1], 2 * max));
                assertEquals(LibC.EPERM, e.getErrorCode());
            }
        } finally {
            LibC.close(fds[0]);
            LibC.close(fds[1]);
        }
    }

    @Test
    void aDirectBufferRegionCanBeLockedWithIpcLock() throws Exception {
        ByteBuffer buffer = ByteBuffer.allocateDirect(4 << 20);
        long before = statusKb("VmLck", "/proc/self/status");
        if (CAPS.has(Capability.IPC_LOCK)) {
            LibC.mlock(Native.getDirectBufferPointer(buffer), buffer.capacity());
            assertTrue(statusKb("VmLck", "/proc/self/status") - before >= 4096, "4 MiB more locked");
            LibC.munlock(Native.getDirectBufferPointer(buffer), buffer.capacity());
        } else {
            assertThrows(LastErrorException.class,
                    () -> LibC.mlock(Native.getDirectBufferPointer(buffer), buffer.capacity()));
        }
    }

    @Test
    void networkThreadsGetTheirNiceValueWithSysNice() throws Exception {
        PrivilegeDecision d = PrivilegeDecision.decide(CAPS, Privileges.facts(), PrivilegeSettings.DEFAULTS);
        CpuPinning pinning = new CpuPinning(ThreadPlanner.plan(
                TopologyDiscovery.of(Path.of("/")).discover(null, null), PinningSetting.NONE), d.netNice());
        ExecutorService pool = Executors.newSingleThreadExecutor(pinning.threadFactory(Role.NET));
        try {
            int tid = pool.submit(LibC::gettid).get(10, TimeUnit.SECONDS);
            String stat = Files.readString(Path.of("/proc/self/task/" + tid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            int nice = Integer.parseInt(f[16]);
            assertEquals(CAPS.has(Capability.SYS_NICE) ? -5 : 0, nice);
        } finally {
            pool.shutdownNow();
        }
    }
}
