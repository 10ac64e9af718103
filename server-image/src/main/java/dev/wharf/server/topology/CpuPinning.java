package dev.wharf.server.topology;

import dev.wharf.server.config.ConfigFile;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's thread placement: the {@link ThreadPlan} and the thread factories that apply it.
 * The whole integration for {@code WharfServer}:
 * <pre>
 *   Privileges privileges = Privileges.apply(config);
 *   CpuPinning pinning = CpuPinning.fromConfig(config, privileges.netNice());
 *   EventLoopGroup io = transport.newGroup(pinning.plan().suggestedThreads(Role.NET), pinning.threadFactory(Role.NET));
 *   ExecutorService blocking = Executors.newCachedThreadPool(pinning.threadFactory(Role.DISK));
 *   status.add("threads", pinning::status);
 *   pinning.bindTo(meterRegistry);
 * </pre>
 */
public final class CpuPinning {

    private static final Logger LOG = LoggerFactory.getLogger(CpuPinning.class);

    private final ThreadPlan plan;
    private final PinnedThreads threads = new PinnedThreads();
    private final Map<Role, PinningThreadFactory> factories = new LinkedHashMap<>();

    public CpuPinning(ThreadPlan plan) {
        this(plan, 0);
    }

    /** @param netNice nice value for network threads (from {@code Privileges#netNice()}); 0 leaves it */
    public CpuPinning(ThreadPlan plan, int netNice) {
        this.plan = plan;
        for (Role r : Role.values()) {
            factories.put(r, new PinningThreadFactory(plan, r, threads, r == Role.NET ? netNice : 0));
        }
    }

    /**
     * Reads {@code topology.sysfs-root}, {@code threads.pinning}, {@code data.interface} (default the
     * control interface) and {@code storage.root}, discovers the topology, plans and logs the plan.
     *
     * @throws dev.wharf.server.config.ConfigException for a bad {@code threads.pinning}
     */
    public static CpuPinning fromConfig(ConfigFile config) {
        return fromConfig(config, 0);
    }

    /** As {@link #fromConfig(ConfigFile)}, network threads at nice {@code netNice} (0: unchanged). */
    public static CpuPinning fromConfig(ConfigFile config, int netNice) {
        Path root = config.declaredPath("topology.sysfs-root");
        PinningSetting setting = PinningSetting.parse(config.declaredString(PinningSetting.KEY));
        String data = config.get("data.interface").orElse(config.declaredString("control.interface"));
        String storage = config.get("storage.root").orElse(null);
        Topology topology = TopologyDiscovery.of(root).discover(storage, data);
        topology.warnings().forEach(w -> LOG.info("topology: {}", w));
        ThreadPlan plan = ThreadPlanner.plan(topology, setting);
        log(plan);
        return new CpuPinning(plan, netNice);
    }

    private static void log(ThreadPlan plan) {
        LOG.info("thread plan ({}): allowed CPUs {}, net {} near {}, disk {} near {}, control {}", plan.setting(),
                plan.allowed(), plan.cpus(Role.NET), plan.device(Role.NET), plan.cpus(Role.DISK),
                plan.device(Role.DISK), plan.cpus(Role.CONTROL));
        plan.notes().forEach(n -> LOG.info("thread plan: {}", n));
    }

    public ThreadPlan plan() {
        return plan;
    }

    /** Threads of this role pin themselves as they start; hand it to an event loop group or executor. */
    public ThreadFactory threadFactory(Role role) {
        return factories.get(role);
    }

    /** The {@code /status} section: the plan plus every live thread and its CPUs. */
    public Map<String, Object> status() {
        Map<String, Object> out = new LinkedHashMap<>(plan.toStatus());
        out.put("threads", threads.toStatus());
        return out;
    }

    /**
     * Gauges: {@code wharf_threads_plan_cpus{role,device}} (CPUs in the role's set),
     * {@code wharf_threads_plan_cpu{role,cpu}} (1 for each CPU of the role) and
     * {@code wharf_threads_live{role}} (threads started by the role's factory and still running).
     */
    public void bindTo(MeterRegistry registry) {
        for (Role r : Role.values()) {
            Gauge.builder("wharf.threads.plan.cpus", () -> plan.cpus(r).size())
                    .tags("role", r.key(), "device", plan.device(r))
                    .description("CPUs in the role's set of the thread plan").register(registry);
            plan.cpus(r).stream().forEach(cpu -> Gauge.builder("wharf.threads.plan.cpu", () -> 1)
                    .tags("role", r.key(), "cpu", Integer.toString(cpu))
                    .description("1 for each CPU a role may run on").register(registry));
            Gauge.builder("wharf.threads.live", () -> threads.count(r)).tags("role", r.key())
                    .description("live threads of the role").register(registry);
        }
    }
}
