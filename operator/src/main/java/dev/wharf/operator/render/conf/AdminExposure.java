package dev.wharf.operator.render.conf;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who may read a transfer pod's {@code /metrics} and {@code /status}. The admin endpoint listens on a port
 * of the node's public control block (host networking), where every client of the data ports can reach
 * it; those two pages name the sessions' clients and users. So server.conf lists the addresses that need
 * them — the operator, which reads {@code /status} for {@code status.pods[].pinnedCpus}, and the site's
 * Prometheus — as {@code admin.allowed-subnets}; everyone else gets 403, except for the kubelet's probes
 * ({@code /healthz}, {@code /readyz}), which tell only up or down. Pure.
 */
public final class AdminExposure {

    private AdminExposure() {
    }

    /** {@code conf} with {@code admin.allowed-subnets} after {@code admin.port}; unchanged when {@code clients} is empty. */
    public static ServerConf restrict(ServerConf conf, List<String> clients) {
        if (clients == null || clients.isEmpty()) {
            return conf;
        }
        Map<String, String> keys = new LinkedHashMap<>();
        conf.keys().forEach((k, v) -> {
            keys.put(k, v);
            if (k.equals("admin.port")) {
                keys.put("admin.allowed-subnets", String.join(",", clients));
            }
        });
        keys.putIfAbsent("admin.allowed-subnets", String.join(",", clients));
        return new ServerConf(conf.header(), keys);
    }
}
