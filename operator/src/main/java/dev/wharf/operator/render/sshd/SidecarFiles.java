package dev.wharf.operator.render.sshd;

import dev.wharf.operator.api.SshUser;
import dev.wharf.operator.api.TransferServer;
import dev.wharf.operator.render.ObjectNames;

import java.util.ArrayList;
import java.util.List;

/**
 * The small files of the sidecar besides the two configs: its start script and the account files sshd
 * and ssh need to know the user by name (the image has no entry for the job owner, and the root file
 * system is read-only, so the pod mounts these over /etc/passwd and /etc/group).
 */
public final class SidecarFiles {

    private SidecarFiles() {
    }

    /**
     * The start script (run by /bin/sh as the job owner): copies the job identity into the memory volume
     * at 0600, makes this pod's host key there, signs it with the job's host CA for the pod's names, forgets
     * the CA copy, and execs sshd in the foreground logging to stderr. Extra arguments go to sshd (the
     * container tests narrow ListenAddress to a loopback address with them).
     */
    public static String startScript(TransferServer ts, String namespace) {
        String service = ObjectNames.workload(ts);
        String run = SshdLayout.RUN_DIR;
        String keys = SshdLayout.KEYS_DIR;
        return "#!/bin/sh\n"
                + "# Starts the per-job sshd of TransferServer " + ts.getMetadata().getNamespace() + "/"
                + ts.getMetadata().getName() + " as its owner (rendered by the Wharf operator).\n"
                + "set -eu\n"
                + "umask 077\n"
                + "run=" + run + "\n"
                + "keys=" + keys + "\n"
                + ": \"${POD_NAME:?POD_NAME must name this pod}\"\n"
                + "rm -f \"$run/host_ca\" \"$run/id_ed25519\" " + SshdLayout.HOST_KEY + " " + SshdLayout.HOST_KEY + ".pub "
                + SshdLayout.HOST_CERT + "\n"
                + "cat \"$keys/" + SshdLayout.IDENTITY + "\" > " + SshdLayout.RUN_IDENTITY + "\n"
                + "cat \"$keys/" + SshdLayout.HOST_CA + "\" > \"$run/host_ca\"\n"
                + "# Every name of this pod a job member may use; the cluster domain comes from the resolver's search list.\n"
                + "svc=\"$POD_NAME." + service + "\"\n"
                + "names=\"$POD_NAME,$svc,$svc." + namespace + ",$svc." + namespace + ".svc\"\n"
                + "for d in $(sed -n 's/^search //p' /etc/resolv.conf 2>/dev/null); do\n"
                + "  case \"$d\" in " + namespace + ".svc.?*) names=\"$names,$svc.$d\" ;; esac\n"
                + "done\n"
                + "# and the host name this node's ssh endpoint advertises (status.sshEndpoints), for logins from outside\n"
                + "if [ -n \"${NODE_NAME:-}\" ] && [ -r " + SshdLayout.JOB_DIR + "/" + SshdLayout.ENDPOINT_HOSTS_KEY + " ]; then\n"
                + "  while read -r node host; do\n"
                + "    if [ \"$node\" = \"$NODE_NAME\" ] && [ -n \"$host\" ]; then names=\"$names,$host\"; fi\n"
                + "  done < " + SshdLayout.JOB_DIR + "/" + SshdLayout.ENDPOINT_HOSTS_KEY + "\n"
                + "fi\n"
                + "ssh-keygen -q -t ed25519 -N '' -C \"$POD_NAME\" -f " + SshdLayout.HOST_KEY + "\n"
                + "ssh-keygen -q -s \"$run/host_ca\" -h -I \"$POD_NAME\" -n \"$names\" " + SshdLayout.HOST_KEY + ".pub\n"
                + "rm -f \"$run/host_ca\"\n"
                + "exec /usr/sbin/sshd -D -e -f " + SshdLayout.config(SshdLayout.SSHD_CONFIG) + " \"$@\"\n";
    }

    /** /etc/passwd of the sidecar: root and nobody for the tools, and the job owner with a home of their own. */
    public static String passwd(SshUser user) {
        List<String> lines = new ArrayList<>();
        lines.add(user.name + ":x:" + user.uid + ":" + user.gid + "::" + SshdLayout.home(user) + ":/bin/bash");
        addUnlessTaken(lines, user, "root", 0, "root:x:0:0:root:/root:/usr/sbin/nologin");
        addUnlessTaken(lines, user, "nobody", 65534, "nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin");
        return String.join("\n", lines) + "\n";
    }

    /** /etc/group: the owner's group (named after them), root, tty (so sshd leaves the pty's group alone), nogroup. */
    public static String group(SshUser user) {
        List<String> lines = new ArrayList<>();
        lines.add(user.name + ":x:" + user.gid + ":");
        addGroupUnlessTaken(lines, user, "root", 0);
        addGroupUnlessTaken(lines, user, "tty", 5);
        addGroupUnlessTaken(lines, user, "nogroup", 65534);
        return String.join("\n", lines) + "\n";
    }

    private static void addUnlessTaken(List<String> lines, SshUser user, String name, long uid, String line) {
        if (!user.name.equals(name) && user.uid != uid) {
            lines.add(line);
        }
    }

    private static void addGroupUnlessTaken(List<String> lines, SshUser user, String name, long gid) {
        if (!user.name.equals(name) && user.gid != gid) {
            lines.add(name + ":x:" + gid + ":");
        }
    }
}
