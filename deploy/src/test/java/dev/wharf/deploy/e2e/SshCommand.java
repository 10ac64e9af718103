package dev.wharf.deploy.e2e;

import java.util.ArrayList;
import java.util.List;

/** The login a TransferServer advertises in {@code status.sshEndpoints[].command}: {@code ssh -p PORT USER@HOST}. */
public record SshCommand(String user, String host, int port) {

    public static SshCommand parse(String command) {
        List<String> words = List.of(command.strip().split("\\s+"));
        if (words.isEmpty() || !words.get(0).equals("ssh")) {
            throw new IllegalArgumentException("not an ssh command: '" + command + "'");
        }
        int port = 22;
        String target = null;
        for (int i = 1; i < words.size(); i++) {
            String w = words.get(i);
            if (w.equals("-p") && i + 1 < words.size()) {
                port = Integer.parseInt(words.get(++i));
            } else if (w.startsWith("-")) {
                throw new IllegalArgumentException("unexpected ssh option " + w + " in '" + command + "'");
            } else if (target == null) {
                target = w;
            } else {
                throw new IllegalArgumentException("more than one destination in '" + command + "'");
            }
        }
        if (target == null || target.indexOf('@') <= 0 || target.endsWith("@")) {
            throw new IllegalArgumentException("ssh command needs USER@HOST: '" + command + "'");
        }
        int at = target.lastIndexOf('@');
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("ssh port out of range in '" + command + "'");
        }
        return new SshCommand(target.substring(0, at), target.substring(at + 1), port);
    }

    public SshCommand withHost(String newHost) {
        return new SshCommand(user, newHost, port);
    }

    /**
     * As {@link #argv}, but the host key is checked: it must be a certificate of the job's host CA
     * ({@code knownHostsFile} holds the job's {@code @cert-authority} line) for the pod's name.
     */
    public List<String> verifiedArgv(String identityFile, String knownHostsFile, String podName, String remoteCommand) {
        List<String> argv = new ArrayList<>(List.of("ssh", "-F", "/dev/null", "-p", Integer.toString(port), "-i", identityFile,
                "-o", "BatchMode=yes", "-o", "IdentitiesOnly=yes", "-o", "StrictHostKeyChecking=yes",
                "-o", "UserKnownHostsFile=" + knownHostsFile, "-o", "HostKeyAlias=" + podName,
                "-o", "ConnectTimeout=10", user + "@" + host));
        argv.add(remoteCommand);
        return argv;
    }

    /** The ssh argument vector for a non-interactive command with a given key; the host key is not checked. */
    public List<String> argv(String identityFile, String remoteCommand) {
        List<String> argv = new ArrayList<>(List.of("ssh", "-p", Integer.toString(port), "-i", identityFile,
                "-o", "BatchMode=yes", "-o", "IdentitiesOnly=yes", "-o", "StrictHostKeyChecking=no",
                "-o", "UserKnownHostsFile=/dev/null", "-o", "ConnectTimeout=10", user + "@" + host));
        argv.add(remoteCommand);
        return argv;
    }
}
