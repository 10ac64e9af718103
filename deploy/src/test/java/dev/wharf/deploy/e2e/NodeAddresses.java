package dev.wharf.deploy.e2e;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the test runner can reach each node. The operator advertises endpoints by node host name, which
 * a CI runner outside the cluster (kind) cannot resolve; the node's InternalIP (then ExternalIP) can be
 * reached from the runner, so the endpoint's host is swapped for it.
 */
public final class NodeAddresses {
    private static final List<String> PREFERENCE = List.of("InternalIP", "ExternalIP");

    private final Map<String, String> byName;

    private NodeAddresses(Map<String, String> byName) {
        this.byName = Map.copyOf(byName);
    }

    public static NodeAddresses of(List<Node> nodes) {
        Map<String, String> map = new HashMap<>();
        for (Node node : nodes) {
            List<NodeAddress> addresses = node.getStatus() == null || node.getStatus().getAddresses() == null
                    ? List.of() : node.getStatus().getAddresses();
            String ip = null;
            for (String type : PREFERENCE) {
                ip = addresses.stream().filter(a -> type.equals(a.getType())).map(NodeAddress::getAddress).findFirst().orElse(null);
                if (ip != null) {
                    break;
                }
            }
            if (ip == null) {
                continue;
            }
            map.put(node.getMetadata().getName(), ip);
            for (NodeAddress a : addresses) {
                if ("Hostname".equals(a.getType()) || "InternalDNS".equals(a.getType()) || "ExternalDNS".equals(a.getType())) {
                    map.put(a.getAddress(), ip);
                }
            }
        }
        return new NodeAddresses(map);
    }

    /** The address for a host name the operator advertised; an address that is already an IP is kept. */
    public String reachable(String host) {
        if (looksLikeIp(host)) {
            return host;
        }
        String ip = byName.get(host);
        if (ip == null) {
            throw new IllegalStateException("endpoint host '" + host + "' is neither an IP nor a node name or DNS name "
                    + "of a node; known: " + byName.keySet());
        }
        return ip;
    }

    public EndpointUrl reachable(EndpointUrl endpoint) {
        return endpoint.withHost(reachable(endpoint.host()));
    }

    public SshCommand reachable(SshCommand ssh) {
        return ssh.withHost(reachable(ssh.host()));
    }

    static boolean looksLikeIp(String host) {
        return host.matches("\\d{1,3}(\\.\\d{1,3}){3}") || host.contains(":");
    }
}
