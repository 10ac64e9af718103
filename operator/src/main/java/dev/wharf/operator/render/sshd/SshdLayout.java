package dev.wharf.operator.render.sshd;

import dev.wharf.operator.api.SshUser;

/**
 * Where the sshd sidecar finds and puts things. The sidecar's start script, sshd_config, ssh_config and
 * the volume mounts all refer to these paths, so they are defined once.
 */
public final class SshdLayout {

    /** ConfigMap {@code <base>-ssh}: sshd_config, ssh_config, known_hosts, the start script, passwd, group. */
    public static final String CONFIG_DIR = "/etc/wharf/ssh";
    /** Secret {@code <base>-ssh}: the job's key pair, the host CA and the user's authorized keys (mode 0444). */
    public static final String KEYS_DIR = "/etc/wharf/ssh-keys";
    /** Memory-backed emptyDir: host key and certificate made at pod start, the job identity copied at 0600. */
    public static final String RUN_DIR = "/run/wharf-ssh";
    /** ConfigMap {@code <base>-hosts}, mounted as a directory (not subPath) so updates reach running pods. */
    public static final String JOB_DIR = "/etc/wharf/job";
    /** The image links this path to {@code JOB_DIR/hostsfile} (server-image/Containerfile). */
    public static final String HOSTSFILE = "/var/hostsfile";
    /** The system-wide client config; a user's ~/.ssh/config is read first and wins. */
    public static final String SYSTEM_SSH_CONFIG = "/etc/ssh/ssh_config";

    /** ConfigMap keys (file names in {@link #CONFIG_DIR}). */
    public static final String SSHD_CONFIG = "sshd_config";
    public static final String SSH_CONFIG = "ssh_config";
    public static final String KNOWN_HOSTS = "known_hosts";
    public static final String START_SCRIPT = "start-sshd";
    public static final String PASSWD = "passwd";
    public static final String GROUP = "group";
    /** ConfigMap keys of the hosts ConfigMap: /var/hostsfile, and "node endpoint-host" lines. */
    public static final String HOSTSFILE_KEY = "hostsfile";
    public static final String ENDPOINT_HOSTS_KEY = "endpoint-hosts";

    /** Secret keys (file names in {@link #KEYS_DIR}). */
    public static final String IDENTITY = "id_ed25519";
    public static final String IDENTITY_PUB = "id_ed25519.pub";
    public static final String HOST_CA = "host_ca";
    public static final String HOST_CA_PUB = "host_ca.pub";
    public static final String AUTHORIZED_KEYS = "authorized_keys";

    /** Files the start script makes in {@link #RUN_DIR}. */
    public static final String HOST_KEY = RUN_DIR + "/ssh_host_ed25519_key";
    public static final String HOST_CERT = HOST_KEY + "-cert.pub";
    public static final String RUN_IDENTITY = RUN_DIR + "/" + IDENTITY;

    private SshdLayout() {
    }

    public static String config(String file) {
        return CONFIG_DIR + "/" + file;
    }

    public static String key(String file) {
        return KEYS_DIR + "/" + file;
    }

    /** The user's home: an emptyDir of its own, scratch space that lives as long as the pod. */
    public static String home(SshUser user) {
        return "/home/" + user.name;
    }
}
