package dev.wharf.server.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;

/**
 * {@link ServerMetrics} over a Prometheus registry, rendered by the admin endpoint's {@code /metrics}:
 * <pre>
 * wharf_sessions{door}                               open control sessions (gauge)
 * wharf_logins_total{door,result}                    success | failure | refused
 * wharf_logins_throttled_total{door,reason}          delayed | disconnected | address-budget
 * wharf_bytes_total{door,direction}                  in | out
 * wharf_transfers_total{door,direction,outcome}      completed | aborted | failed
 * wharf_access_denied_total{door,operation}
 * wharf_connections_total{door,result}               admitted | a net.Refusal label
 * wharf_door_connections{door,state}                 open | unauthenticated (gauges)
 * </pre>
 * plus the JVM's memory, GC, thread, CPU and uptime meters. Meters are cached per label set, so
 * a call from an event loop costs one map lookup and an atomic add.
 */
public final class MicrometerServerMetrics implements ServerMetrics {

    private record Key(String name, String a, String b, String c) {}

    private final PrometheusMeterRegistry registry;
    private final Map<String, AtomicLong> sessions = new ConcurrentHashMap<>();
    private final Map<Key, Counter> counters = new ConcurrentHashMap<>();

    public MicrometerServerMetrics() {
        registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    /** Registers a door's meters up front so /metrics shows zeroes before the first session. */
    public void door(String door) {
        sessionGauge(door);
    }

    @Override
    public void sessionOpened(String door) {
        sessionGauge(door).incrementAndGet();
    }

    @Override
    public void sessionClosed(String door) {
        sessionGauge(door).decrementAndGet();
    }

    @Override
    public void login(String door, String result) {
        counter("wharf.logins", door, "result", result, null, null).increment();
    }

    @Override
    public void loginThrottled(String door, String reason) {
        counter("wharf.logins.throttled", door, "reason", reason, null, null).increment();
    }

    @Override
    public void bytes(String door, Direction direction, long count) {
        if (count > 0) {
            counter("wharf.bytes", door, "direction", label(direction), null, null).increment(count);
        }
    }

    @Override
    public void transfer(String door, Direction direction, String outcome) {
        counter("wharf.transfers", door, "direction", label(direction), "outcome", outcome).increment();
    }

    @Override
    public void accessDenied(String door, String operation) {
        counter("wharf.access.denied", door, "operation", operation, null, null).increment();
    }

    @Override
    public void connection(String door, String result) {
        counter("wharf.connections", door, "result", result, null, null).increment();
    }

    @Override
    public void connectionGauges(String door, IntSupplier open, IntSupplier unauthenticated) {
        // strong references: Micrometer holds a gauge's object weakly, and nothing else keeps these suppliers
        Gauge.builder("wharf.door.connections", open, IntSupplier::getAsInt).strongReference(true)
                .description("open control connections").tag("door", door).tag("state", "open").register(registry);
        Gauge.builder("wharf.door.connections", unauthenticated, IntSupplier::getAsInt).strongReference(true)
                .description("open control connections").tag("door", door).tag("state", "unauthenticated").register(registry);
    }

    /** The Prometheus text exposition format (version 0.0.4). */
    public String scrape() {
        return registry.scrape();
    }

    public static String contentType() {
        return "text/plain; version=0.0.4; charset=utf-8";
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    private AtomicLong sessionGauge(String door) {
        return sessions.computeIfAbsent(door, d -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder("wharf.sessions", value, AtomicLong::doubleValue)
                    .description("open control sessions").tag("door", d).register(registry);
            return value;
        });
    }

    private Counter counter(String name, String door, String tag1, String value1, String tag2, String value2) {
        return counters.computeIfAbsent(new Key(name, door, value1, value2), k -> {
            Counter.Builder builder = Counter.builder(name).tag("door", door).tag(tag1, value1);
            if (tag2 != null) {
                builder.tag(tag2, value2);
            }
            return builder.register(registry);
        });
    }

    private static String label(Direction direction) {
        return direction.name().toLowerCase(Locale.ROOT);
    }
}
