package dev.wharf.operator.render.sshd;

import java.util.List;

/**
 * What the reconciler gives the renderer for the sshd sidecar: the job's keys (kept from the job's
 * Secret, or made once) and the hosts of the job now ({@link HostsFile#hosts}).
 */
public record SshdInputs(JobSshKeys keys, List<String> hosts) {

    /** For a TransferServer without the sidecar. */
    public static final SshdInputs NONE = new SshdInputs(null, List.of());

    public SshdInputs {
        hosts = List.copyOf(hosts);
    }
}
