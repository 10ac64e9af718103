package dev.wharf.operator.render.sshd;

import dev.wharf.operator.api.TransferServer;
import dev.wharf.operator.render.ObjectNames;

/**
 * The client side inside the sidecar: a system-wide ssh_config block and a known_hosts file that make
 * {@code ssh HOST} from one pod of the job to another work with no setup, and trust the job's own host
 * keys (certificates signed by the job's host CA) and nothing else.
 *
 * <p>The block matches the job's pod names in every form ({@code <base>-0}, {@code <base>-0.<base>},
 * {@code <base>-0.<base>.<ns>.svc}); the pod names start with the base name, which carries a hash of
 * the TransferServer, so no other host matches by accident. ssh takes the first value it finds for each
 * option and reads ~/.ssh/config before this file, so a user's own settings win (as in Shifter).
 */
public final class SshClientConfigRenderer {

    static final String HOST_CERT_ALGORITHM = "ssh-ed25519-cert-v01@openssh.com";

    private SshClientConfigRenderer() {
    }

    /** The pattern matching every name of the job's pods. */
    public static String hostPattern(TransferServer ts) {
        return ObjectNames.workload(ts) + "-*";
    }

    /** /etc/ssh/ssh_config of the sidecar. */
    public static String sshConfig(TransferServer ts, int port) {
        String owner = ts.getMetadata().getNamespace() + "/" + ts.getMetadata().getName();
        return "# ssh client configuration of the sshd sidecar of TransferServer " + owner + ".\n"
                + "# Rendered by the Wharf operator. Your ~/.ssh/config is read first and wins for every\n"
                + "# option it sets: see docs/user-guide.md before setting Port, IdentityFile or host key options for Host *.\n"
                + "Host " + hostPattern(ts) + "\n"
                + "    Port " + port + "\n"
                + "    IdentityFile " + SshdLayout.RUN_IDENTITY + "\n"
                + "    IdentitiesOnly yes\n"
                + "    StrictHostKeyChecking yes\n"
                + "    UserKnownHostsFile " + SshdLayout.config(SshdLayout.KNOWN_HOSTS) + "\n"
                + "    GlobalKnownHostsFile none\n"
                + "    HostKeyAlgorithms " + HOST_CERT_ALGORITHM + "\n"
                + "    UpdateHostKeys no\n"
                + "    CheckHostIP no\n"
                + "    ForwardAgent no\n"
                + "    ForwardX11 no\n"
                + "\n"
                + "Host *\n"
                + "    HashKnownHosts no\n";
    }

    /** The known_hosts file: the job's host CA, for the job's names only. */
    public static String knownHosts(TransferServer ts, JobSshKeys keys) {
        return "@cert-authority " + hostPattern(ts) + " " + keys.hostCa().publicKey().strip() + "\n";
    }
}
