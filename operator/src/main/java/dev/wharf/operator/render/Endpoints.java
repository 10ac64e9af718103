package dev.wharf.operator.render;

import dev.wharf.operator.api.DoorType;
import dev.wharf.operator.api.Endpoint;
import dev.wharf.operator.api.PortAllocationStatus;
import dev.wharf.operator.api.SshEndpoint;
import dev.wharf.operator.api.TransferServerSpec;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeAddress;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Where clients connect: one URL per node and door, one ssh command per node. */
public final class Endpoints {

    /** Node annotation an admin sets to choose the host name clients use for that node. */
    public static final String ENDPOINT_HOST_ANNOTATION = "wharf.dev/endpoint-host";
    /**
     * Node address types in order of preference: names before addresses, since GSI and TLS clients check
     * the host name against the host certificate; external before internal.
     */
    static final List<String> ADDRESS_PREFERENCE = List.of("ExternalDNS", "InternalDNS", "Hostname", "ExternalIP", "InternalIP");

    private Endpoints() {
    }

    /** The host name clients should use for a node: the annotation, else the best address, else its name. */
    public static String host(Node node) {
        Map<String, String> annotations = node.getMetadata().getAnnotations();
        if (annotations != null && annotations.get(ENDPOINT_HOST_ANNOTATION) != null) {
            return annotations.get(ENDPOINT_HOST_ANNOTATION);
        }
        List<NodeAddress> addresses = node.getStatus() == null || node.getStatus().getAddresses() == null
                ? List.of() : node.getStatus().getAddresses();
        for (String type : ADDRESS_PREFERENCE) {
            for (NodeAddress a : addresses) {
                if (type.equals(a.getType()) && a.getAddress() != null && !a.getAddress().isBlank()) {
                    return a.getAddress();
                }
            }
        }
        return node.getMetadata().getName();
    }

    /**
     * @param ports     the server's allocated ports
     * @param nodeHosts node name → host (see {@link #host}) of every node a pod of the server runs on
     * @return URLs sorted by node, then door in {@link DoorType} order, e.g. {@code gsiftp://node-a.example:2811}
     */
    public static List<Endpoint> urls(PortAllocationStatus ports, Map<String, String> nodeHosts) {
        return urls(ports, nodeHosts, node -> null);
    }

    /**
     * @param dataNicOfNode node name → the data interface the server binds passive data listeners on
     *                      (the pool's); ftp and ftps endpoints then carry a hint for the clients that
     *                      ignore the PASV address (docs/ftp.md, "EPSV and a separate data interface")
     */
    public static List<Endpoint> urls(PortAllocationStatus ports, Map<String, String> nodeHosts,
                                      Function<String, String> dataNicOfNode) {
        List<Endpoint> list = new ArrayList<>();
        new TreeMap<>(nodeHosts).forEach((node, host) -> {
            for (DoorType door : DoorType.values()) {
                Integer port = ports.doors.get(door.specName());
                if (port != null) {
                    Endpoint e = new Endpoint(node, door.specName(),
                            door.scheme() + "://" + hostPart(host) + ":" + port + door.servicePath());
                    e.hint = hint(door, host, dataNicOfNode.apply(node));
                    list.add(e);
                }
            }
        });
        return list;
    }

    /** What a client of {@code door} needs beyond the URL, or {@code null}. */
    private static String hint(DoorType door, String host, String dataNic) {
        return switch (door) {
            case FTP, FTPS -> dataNic == null ? null : "data connections go to " + dataNic + "'s address (PASV); if " + host
                    + " is another address, use curl --no-ftp-skip-pasv-ip and Python ftplib"
                    + " trust_server_pasv_ipv4_address = True";
            // curl 7.56.1-7.87 corrupts clear data in Kerberos sessions and later curls cannot log in; dccp's -T
            // does not apply to URLs (docs/kerberos.md, "FTP clients" and "What users do")
            case KRBFTP -> "Kerberos login: kinit, then curl --krb private with this URL (curl 7.56 to 7.87; never"
                    + " --krb clear); the service principal is ftp/" + host + " unless the server names another";
            case KRBDCAP -> "Kerberos tunnel: kinit, then dccp or gfal-copy with this URL and"
                    + " DCACHE_IO_TUNNEL=/usr/lib/x86_64-linux-gnu/dcap/libgssTunnel.so (Debian's path, package"
                    + " dcap-tunnel-krb), or dccp with gssdcap:// instead of dcap://; the service principal is host/" + host;
            default -> null;
        };
    }

    /** {@code ssh -p PORT user@host} per node, when the sshd sidecar is on; else empty. */
    public static List<SshEndpoint> ssh(TransferServerSpec spec, PortAllocationStatus ports, Map<String, String> nodeHosts) {
        if (spec.sshd == null || !spec.sshd.isEnabled() || ports.sshd == null || spec.sshd.user == null) {
            return List.of();
        }
        List<SshEndpoint> list = new ArrayList<>();
        new TreeMap<>(nodeHosts).forEach((node, host) ->
                list.add(new SshEndpoint(node, "ssh -p " + ports.sshd + " " + spec.sshd.user.name + "@" + host)));
        return list;
    }

    /**
     * {@code @cert-authority [host-a]:PORT,[host-b]:PORT <CA public key>} for the hosts of the ssh endpoints:
     * with it in ~/.ssh/known_hosts, a client outside the job checks the pods' host certificates (signed by
     * the job's host CA for their endpoint host names) and never sees a changed host key after a restart.
     * {@code null} without the sidecar, a CA or hosts.
     */
    public static String sshKnownHosts(TransferServerSpec spec, PortAllocationStatus ports, Map<String, String> nodeHosts,
            String hostCaPublicKey) {
        if (ssh(spec, ports, nodeHosts).isEmpty() || hostCaPublicKey == null) {
            return null;
        }
        String patterns = new TreeMap<>(nodeHosts).values().stream().distinct()
                .map(h -> ports.sshd == 22 ? h : "[" + h + "]:" + ports.sshd).collect(Collectors.joining(","));
        return "@cert-authority " + patterns + " " + hostCaPublicKey.strip();
    }

    /** The enabled doors, comma-separated, for the Doors printer column ({@code status.doors}). */
    public static String doorSummary(TransferServerSpec spec) {
        return spec.doors.enabled().keySet().stream().map(DoorType::specName).collect(Collectors.joining(","));
    }

    /** IPv6 literals go in brackets in URLs. */
    private static String hostPart(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }
}
