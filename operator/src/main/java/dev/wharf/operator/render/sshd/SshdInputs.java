package dev.wharf.operator.render.sshd;

import java.util.List;
import java.util.Map;

/**
 * What the reconciler gives the renderer for the sshd sidecar: the job's keys (kept from the job's
 * Secret, or made once), the hosts of the job now ({@link HostsFile#hosts}), and node name → endpoint host
 * ({@code Endpoints.host}) of every node the job may run on, so each pod's host certificate also names the
 * host its ssh endpoint advertises.
 */
public record SshdInputs(JobSshKeys keys, List<String> hosts, Map<String, String> nodeHosts) {

    /** For a TransferServer without the sidecar. */
    public static final SshdInputs NONE = new SshdInputs(null, List.of(), Map.of());

    public SshdInputs {
        hosts = List.copyOf(hosts);
        nodeHosts = Map.copyOf(nodeHosts);
    }
}
