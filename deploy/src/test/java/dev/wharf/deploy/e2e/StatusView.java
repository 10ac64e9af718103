package dev.wharf.deploy.e2e;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Map;

/** The parts of a TransferServer's status the e2e run connects to: endpoint URLs and ssh logins. */
public final class StatusView {
    private StatusView() {}

    public static List<EndpointUrl> endpoints(GenericKubernetesResource ts) {
        return list(ts, "endpoints").stream().map(e -> EndpointUrl.parse(String.valueOf(e.get("url")))).toList();
    }

    public static List<SshCommand> sshLogins(GenericKubernetesResource ts) {
        return list(ts, "sshEndpoints").stream().map(e -> SshCommand.parse(String.valueOf(e.get("command")))).toList();
    }

    /** {@code status.sshKnownHosts}, or {@code null}. */
    public static String sshKnownHosts(GenericKubernetesResource ts) {
        Object status = ts.getAdditionalProperties().get("status");
        return status instanceof Map<?, ?> m && m.get("sshKnownHosts") instanceof String s ? s : null;
    }

    /** node → the ssh login the status advertises for it. */
    public static Map<String, SshCommand> sshLoginsByNode(GenericKubernetesResource ts) {
        Map<String, SshCommand> byNode = new java.util.TreeMap<>();
        list(ts, "sshEndpoints").forEach(e -> byNode.put(String.valueOf(e.get("node")), SshCommand.parse(String.valueOf(e.get("command")))));
        return byNode;
    }

    /** node → name of the server's pod on it ({@code status.pods[]}). */
    public static Map<String, String> podsByNode(GenericKubernetesResource ts) {
        Map<String, String> byNode = new java.util.TreeMap<>();
        list(ts, "pods").forEach(p -> byNode.put(String.valueOf(p.get("node")), String.valueOf(p.get("name"))));
        return byNode;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(GenericKubernetesResource ts, String field) {
        Object status = ts.getAdditionalProperties().get("status");
        if (status instanceof Map<?, ?> m && m.get(field) instanceof List<?> l) {
            return (List<Map<String, Object>>) l;
        }
        return List.of();
    }
}
