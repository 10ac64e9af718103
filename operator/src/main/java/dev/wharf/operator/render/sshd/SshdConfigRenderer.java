package dev.wharf.operator.render.sshd;

import dev.wharf.operator.api.SshForwarding;
import dev.wharf.operator.api.SshdSpec;

/**
 * The sidecar's sshd_config. sshd runs as the job owner, not root, so it can only ever authenticate that
 * one user; the file says so again (AllowUsers) and allows nothing but public keys. The keys come from
 * the job's Secret through AuthorizedKeysCommand, read at every login: a changed Secret takes effect
 * without restarting the pod, and no file under a writable home decides who gets in.
 */
public final class SshdConfigRenderer {

    private SshdConfigRenderer() {
    }

    /**
     * @param sshd the enabled sshd spec (user set)
     * @param port the allocated sshd port
     * @param owner {@code namespace/name} of the TransferServer, for the header
     */
    public static String render(SshdSpec sshd, int port, String owner) {
        String user = sshd.user.name;
        SshForwarding f = sshd.forwarding;
        StringBuilder sb = new StringBuilder();
        sb.append("# sshd_config of the per-job sshd sidecar of TransferServer ").append(owner).append(".\n");
        sb.append("# Rendered by the Wharf operator; sshd runs as ").append(user).append(" (uid ").append(sshd.user.uid)
                .append("), never root.\n");
        line(sb, "Port", Integer.toString(port));
        sb.append("# Host key made at pod start in a memory-backed volume, signed by the job's host CA.\n");
        line(sb, "HostKey", SshdLayout.HOST_KEY);
        line(sb, "HostCertificate", SshdLayout.HOST_CERT);
        line(sb, "PidFile", "none");
        line(sb, "AllowUsers", user);
        line(sb, "PermitRootLogin", "no");
        line(sb, "AuthenticationMethods", "publickey");
        line(sb, "PubkeyAuthentication", "yes");
        line(sb, "PasswordAuthentication", "no");
        line(sb, "KbdInteractiveAuthentication", "no");
        line(sb, "HostbasedAuthentication", "no");
        line(sb, "PermitEmptyPasswords", "no");
        line(sb, "UsePAM", "no");
        line(sb, "StrictModes", "yes");
        line(sb, "PermitUserEnvironment", "no");
        line(sb, "AuthorizedKeysFile", "none");
        line(sb, "AuthorizedKeysCommand", "/bin/cat " + SshdLayout.key(SshdLayout.AUTHORIZED_KEYS) + " "
                + SshdLayout.key(SshdLayout.IDENTITY_PUB));
        line(sb, "AuthorizedKeysCommandUser", user);
        line(sb, "AllowAgentForwarding", yesNo(SshForwarding.agent(f)));
        line(sb, "AllowTcpForwarding", yesNo(SshForwarding.tcp(f)));
        line(sb, "AllowStreamLocalForwarding", "no");
        line(sb, "X11Forwarding", yesNo(SshForwarding.x11(f)));
        line(sb, "PermitTunnel", "no");
        line(sb, "GatewayPorts", "no");
        line(sb, "UseDNS", "no");
        line(sb, "PrintMotd", "no");
        line(sb, "LogLevel", "INFO");
        line(sb, "Subsystem", "sftp internal-sftp");
        return sb.toString();
    }

    private static void line(StringBuilder sb, String keyword, String value) {
        sb.append(keyword).append(' ').append(value).append('\n');
    }

    private static String yesNo(boolean on) {
        return on ? "yes" : "no";
    }
}
