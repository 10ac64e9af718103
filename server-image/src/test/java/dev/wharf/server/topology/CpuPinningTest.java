package dev.wharf.server.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.wharf.server.Transport;
import dev.wharf.server.config.ConfigFile;
import dev.wharf.server.privileges.LibC;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Pinning is real: the kernel's view of each thread's affinity, read back through /proc, matches the plan. */
class CpuPinningTest {

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(PinningThreadFactory.class);
    private CpuSet allowed;

    @BeforeEach
    void setUp() {
        log.start();
        logger.addAppender(log);
        allowed = TopologyDiscovery.of(Path.of("/")).discover(null, null).allowedCpus();
        assertTrue(allowed.size() >= 2, "this test needs two CPUs to tell a pinned thread from a free one");
    }

    @AfterEach
    void tearDown() {
        logger.detachAppender(log);
    }

    static CpuSet affinityOf(int tid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/task/" + tid + "/status"))) {
            if (line.startsWith("Cpus_allowed_list:")) {
                return CpuSet.parse(line.substring(line.indexOf(':') + 1));
            }
        }
        throw new AssertionError("no Cpus_allowed_list for task " + tid);
    }

    private CpuPinning pinning(String setting) {
        Topology t = TopologyDiscovery.of(Path.of("/")).discover(null, "127.0.0.1");
        return new CpuPinning(ThreadPlanner.plan(t, PinningSetting.parse(setting)));
    }

    /** The kernel thread ids of the event loops, each asked from inside its loop. */
    private static List<Integer> loopTids(EventLoopGroup group) throws Exception {
        List<Integer> tids = new ArrayList<>();
        for (var executor : group) {
            tids.add(((EventLoop) executor).submit(LibC::gettid).get(10, TimeUnit.SECONDS));
        }
        return tids;
    }

    @Test
    void nettyEventLoopsArePinnedOneCpuEach() throws Exception {
        int a = allowed.first();
        int b = allowed.last();
        CpuPinning p = pinning("net:" + a + "," + b + ";disk:" + b + ";control:" + a);
        EventLoopGroup group = Transport.best().newGroup(2, p.threadFactory(Role.NET));
        try {
            List<Integer> tids = loopTids(group);
            assertEquals(CpuSet.of(a), affinityOf(tids.get(0)));
            assertEquals(CpuSet.of(b), affinityOf(tids.get(1)));
            assertNotEquals(allowed, affinityOf(tids.get(0)), "narrower than the process's own set");
            List<String> lines = log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("schedule_threads: device=lo cpu=" + a + " role=net")),
                    lines.toString());
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> threads = (List<Map<String, Object>>) p.status().get("threads");
            assertEquals(2, threads.size());
            assertTrue(threads.stream().anyMatch(t -> t.get("tid").equals(tids.get(1)) && t.get("cpus").equals("" + b)));
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        }
    }

    @Test
    void blockingExecutorThreadsGetTheWholeDiskSet() throws Exception {
        CpuPinning p = pinning("disk:" + allowed.last());
        ExecutorService pool = Executors.newFixedThreadPool(3, p.threadFactory(Role.DISK));
        try {
            for (int i = 0; i < 3; i++) {
                int tid = pool.submit(LibC::gettid).get(10, TimeUnit.SECONDS);
                assertEquals(CpuSet.of(allowed.last()), affinityOf(tid));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void noneLeavesThreadsOnEveryAllowedCpuAndLogsNoAssignment() throws Exception {
        CpuPinning p = pinning("none");
        ExecutorService pool = Executors.newSingleThreadExecutor(p.threadFactory(Role.NET));
        try {
            int tid = pool.submit(LibC::gettid).get(10, TimeUnit.SECONDS);
            assertEquals(allowed, affinityOf(tid));
            assertTrue(log.list.isEmpty(), log.list.toString());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void fromConfigPlansAutoOnTheRealMachine() throws Exception {
        CpuPinning p = CpuPinning.fromConfig(ConfigFile.of(Map.of("data.interface", "127.0.0.1")));
        assertEquals("auto", p.plan().setting().toString());
        assertTrue(allowed.containsAll(p.plan().cpus(Role.NET)));
        assertEquals("lo", p.plan().device(Role.NET));
        ExecutorService pool = Executors.newSingleThreadExecutor(p.threadFactory(Role.NET));
        try {
            int tid = pool.submit(LibC::gettid).get(10, TimeUnit.SECONDS);
            assertEquals(p.plan().cpusForThread(Role.NET, 0), affinityOf(tid));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void gaugesDescribeThePlan() throws Exception {
        CpuPinning p = pinning("net:" + allowed.first() + ";disk:" + allowed.last());
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        p.bindTo(registry);
        assertEquals(1.0, registry.get("wharf.threads.plan.cpus").tag("role", "net").gauge().value());
        assertEquals(1.0, registry.get("wharf.threads.plan.cpu").tag("role", "disk")
                .tag("cpu", Integer.toString(allowed.last())).gauge().value());
        ExecutorService pool = Executors.newSingleThreadExecutor(p.threadFactory(Role.DISK));
        try {
            pool.submit(() -> { }).get(10, TimeUnit.SECONDS);
            assertEquals(1.0, registry.get("wharf.threads.live").tag("role", "disk").gauge().value());
        } finally {
            pool.shutdownNow();
        }
    }
}
