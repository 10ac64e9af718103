package dev.wharf.operator.reconcile.policy;

import dev.wharf.operator.api.NamespaceUsage;
import dev.wharf.operator.api.ResourceCaps;
import dev.wharf.operator.api.StoragePoolSpec;
import dev.wharf.operator.api.TransferServer;
import dev.wharf.operator.reconcile.validate.Finding;
import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Charges a pool's TransferServers to their namespaces against {@code policy.perNamespace}. Transfer
 * pods all live in the data-plane namespace, so a ResourceQuota in the user's namespace never sees
 * them: the operator keeps this account itself. Servers are charged oldest first (then namespace/name),
 * so a running server is never pushed out by a newer one; a server that would go over a cap is refused
 * and not charged. Only servers the pool admits on their own ({@link PolicyCheck}) are counted. Pure.
 */
public final class NamespaceCaps {

    public static final String NAMESPACE_CAP_EXCEEDED = "NamespaceCapExceeded";

    private NamespaceCaps() {
    }

    /** Usage by namespace (sorted) and the refused servers by namespace/name. */
    public record Result(Map<String, NamespaceUsage> usage, Map<String, Finding> refused) {
    }

    public static Result charge(String poolName, StoragePoolSpec pool, List<TransferServer> servers) {
        ResourceCaps caps = pool.policyOrDefault().perNamespace;
        List<TransferServer> sorted = new ArrayList<>(servers.stream()
                .filter(ts -> ts.getSpec() != null && pool.admits(ts.getMetadata().getNamespace())
                        && PolicyCheck.check(ts.getSpec(), poolName, pool).isEmpty())
                .toList());
        sorted.sort(Comparator.comparing((TransferServer ts) -> String.valueOf(ts.getMetadata().getCreationTimestamp()))
                .thenComparing(NamespaceCaps::key));
        Map<String, Totals> totals = new TreeMap<>();
        Map<String, Finding> refused = new HashMap<>();
        for (TransferServer ts : sorted) {
            Totals now = totals.computeIfAbsent(ts.getMetadata().getNamespace(), n -> new Totals());
            Totals after = now.plus(ts);
            String over = caps == null ? null : after.over(caps);
            if (over != null) {
                refused.put(key(ts), new Finding(NAMESPACE_CAP_EXCEEDED, "namespace " + ts.getMetadata().getNamespace()
                        + " would use " + over + " of StoragePool " + poolName + " (policy.perNamespace; in use: " + now.describe()
                        + "); make this or another of your servers smaller, delete one, or ask the pool admin"));
            } else {
                totals.put(ts.getMetadata().getNamespace(), after);
            }
        }
        Map<String, NamespaceUsage> usage = new TreeMap<>();
        totals.forEach((ns, t) -> usage.put(ns, t.usage(ns)));
        return new Result(usage, refused);
    }

    public static String key(TransferServer ts) {
        return ts.getMetadata().getNamespace() + "/" + ts.getMetadata().getName();
    }

    private record Totals(int servers, int cpus, BigDecimal memory, int nodes) {
        Totals() {
            this(0, 0, BigDecimal.ZERO, 0);
        }

        Totals plus(TransferServer ts) {
            int n = Resources.nodes(ts.getSpec());
            return new Totals(servers + 1, cpus + Resources.cpus(ts.getSpec()) * n,
                    memory.add(Resources.memory(ts.getSpec()).multiply(BigDecimal.valueOf(n))), nodes + n);
        }

        /** The first cap these totals break, in words, or {@code null}. */
        String over(ResourceCaps caps) {
            if (caps.cpus != null && cpus > caps.cpus) {
                return cpus + " cpus, above " + caps.cpus;
            }
            if (caps.memory != null && memory.compareTo(Quantity.getAmountInBytes(new Quantity(caps.memory))) > 0) {
                return Resources.quantity(memory) + " memory, above " + caps.memory;
            }
            if (caps.nodes != null && nodes > caps.nodes) {
                return nodes + " nodes, above " + caps.nodes;
            }
            return null;
        }

        String describe() {
            return cpus + " cpus, " + (servers == 0 ? "0" : Resources.quantity(memory)) + " memory, " + nodes + " nodes";
        }

        NamespaceUsage usage(String namespace) {
            NamespaceUsage u = new NamespaceUsage();
            u.namespace = namespace;
            u.servers = servers;
            u.cpus = cpus;
            u.memory = Resources.quantity(memory);
            u.nodes = nodes;
            return u;
        }
    }
}
