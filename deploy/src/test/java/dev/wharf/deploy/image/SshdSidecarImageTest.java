package dev.wharf.deploy.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.deploy.e2e.Programs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The per-job sshd sidecar in the real server image, from the operator's rendered files (see
 * {@link SshdSidecarRun}): only the owner's key logs in; another key, root and passwords are refused; two
 * pods of the job reach each other by their hostsfile names with the job's key and the job's host CA, and a
 * host whose key the CA did not sign is refused. Pod 0 listens on 127.0.0.2, pod 1 on 127.0.0.3, and an
 * impostor claiming the name of a third pod on 127.0.0.4 (its host key is signed by another CA).
 */
@Tag("container")
class SshdSidecarImageTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static Path dir;
    private static int port;
    private static List<String> hosts;
    private static String impostorName;
    private static final List<SshdSidecarRun> runs = new ArrayList<>();

    @BeforeAll
    static void startTheJob() throws IOException {
        dir = Files.createTempDirectory("wharf-sshd");
        keygen(dir.resolve("user"), "jane@laptop");
        keygen(dir.resolve("stranger"), "someone else");
        port = OperatorImageTest.freePort();
        hosts = SshdSidecarRun.hostsfile();
        assertEquals(2, hosts.size(), "the rendered job has two pods: " + hosts);
        impostorName = hosts.get(0).replaceFirst("-0\\.", "-2.");
        Map<String, String> etcHosts = new LinkedHashMap<>();
        etcHosts.put(hosts.get(0), "127.0.0.2");
        etcHosts.put(hosts.get(1), "127.0.0.3");
        etcHosts.put(impostorName, "127.0.0.4");
        String userKey = Files.readString(dir.resolve("user.pub"));
        Path job = SshdSidecarRun.stage(dir.resolve("job"), port, userKey);
        runs.add(SshdSidecarRun.start(job, podName(hosts.get(0)), "127.0.0.2", port, etcHosts));
        runs.add(SshdSidecarRun.start(job, podName(hosts.get(1)), "127.0.0.3", port, etcHosts));
        // Everything as rendered, except a host CA the job never made.
        Path impostor = SshdSidecarRun.stage(dir.resolve("impostor"), port, userKey);
        Path otherCa = dir.resolve("other-ca");
        keygen(otherCa, "not the job's CA");
        Map<String, String> impostorKeys = new LinkedHashMap<>();
        for (String f : List.of("authorized_keys", "id_ed25519", "id_ed25519.pub")) {
            impostorKeys.put(f, Files.readString(impostor.resolve("keys").resolve(f)));
        }
        impostorKeys.put("host_ca", Files.readString(otherCa));
        impostorKeys.put("host_ca.pub", Files.readString(otherCa.resolveSibling("other-ca.pub")));
        SshdSidecarRun.writeVolume(impostor.resolve("keys"), impostorKeys, "..2026_01_01_00_00_00.000000002");
        SshdSidecarRun.protect(impostor);
        runs.add(SshdSidecarRun.start(impostor, podName(impostorName), "127.0.0.4", port, etcHosts));
    }

    @AfterAll
    static void stop() {
        runs.forEach(SshdSidecarRun::close);
        if (dir != null) {
            Programs.run(List.of("rm", "-rf", dir.toString()), TIMEOUT);
        }
    }

    @Test
    void theOwnersKeyLogsInToAHostWhoseKeyTheJobsCaSigned() throws IOException {
        // From outside the job, verified as status.sshKnownHosts tells the user: the job's CA for the endpoint host.
        Path knownHosts = dir.resolve("known_hosts");
        Files.writeString(knownHosts, "@cert-authority [127.0.0.2]:" + port + ",[127.0.0.3]:" + port + " "
                + Files.readString(SshdSidecarRun.FILES.resolve("keys/host_ca.pub")));
        List<String> argv = ssh("jane", "127.0.0.2", "user", "-o", "StrictHostKeyChecking=yes",
                "-o", "UserKnownHostsFile=" + knownHosts);
        argv.add("id -un; id -u; id -g; cat /var/hostsfile; grep -E '^(Uid|CapEff):' /proc/1/status; ls /run/wharf-ssh; echo HOME=$HOME");
        String out = Programs.run(argv, TIMEOUT).requireSuccess(argv).output();
        List<String> lines = out.lines().toList();
        assertEquals(List.of("jane", "1000", "1000"), lines.subList(0, 3), out);
        assertEquals(hosts, lines.subList(3, 5), "/var/hostsfile lists the job's hosts: " + out);
        assertTrue(out.contains("Uid:\t1000\t1000\t1000\t1000"), "sshd itself runs as the owner, not root: " + out);
        assertTrue(out.contains("CapEff:\t0000000000000000"), "and without any capability: " + out);
        assertTrue(out.contains("ssh_host_ed25519_key-cert.pub"), out);
        assertFalse(out.contains("host_ca"), "the CA copy is gone once the host key is signed: " + out);
        assertTrue(out.contains("HOME=/home/jane"), out);
    }

    @Test
    void theHostsfileFollowsItsConfigMapWhileThePodRuns() throws IOException {
        Path job = dir.resolve("job/job");
        List<String> grown = new ArrayList<>(hosts);
        grown.add(impostorName);
        List<String> argv = withCommand(ssh("jane", "127.0.0.3", "user"));
        argv.set(argv.size() - 1, "cat /var/hostsfile");
        try {
            SshdSidecarRun.writeVolume(job, Map.of("hostsfile", String.join("\n", grown) + "\n"), "..2026_01_01_00_00_01.000000001");
            SshdSidecarRun.protect(dir.resolve("job"));
            assertEquals(grown, Programs.run(argv, TIMEOUT).requireSuccess(argv).output().lines().toList(),
                    "a new version of the ConfigMap reaches the running pod");
        } finally {
            SshdSidecarRun.writeVolume(job, Map.of("hostsfile", String.join("\n", hosts) + "\n"), "..2026_01_01_00_00_02.000000001");
            SshdSidecarRun.protect(dir.resolve("job"));
        }
        assertEquals(hosts, Programs.run(argv, TIMEOUT).requireSuccess(argv).output().lines().toList());
    }

    @Test
    void anotherKeyIsRefused() {
        var r = Programs.run(withCommand(ssh("jane", "127.0.0.2", "stranger")), TIMEOUT);
        assertNotEquals(0, r.exitCode());
        assertTrue(r.output().contains("Permission denied (publickey)"), r.output());
    }

    @Test
    void rootIsRefusedEvenWithTheOwnersKey() {
        var r = Programs.run(withCommand(ssh("root", "127.0.0.2", "user")), TIMEOUT);
        assertNotEquals(0, r.exitCode());
        assertTrue(r.output().contains("Permission denied (publickey)"), r.output());
        assertTrue(runs.get(0).logs().contains("User root from 127.0.0.1 not allowed"), runs.get(0).logs());
    }

    @Test
    void passwordsAndKeyboardInteractiveAreNotEvenOffered() {
        List<String> argv = new ArrayList<>(List.of("ssh", "-F", "/dev/null", "-p", Integer.toString(port),
                "-o", "BatchMode=yes", "-o", "PubkeyAuthentication=no",
                "-o", "PreferredAuthentications=password,keyboard-interactive", "-o", "NumberOfPasswordPrompts=1",
                "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "ConnectTimeout=10",
                "jane@127.0.0.2", "true"));
        var r = Programs.run(argv, TIMEOUT);
        assertNotEquals(0, r.exitCode());
        assertTrue(r.output().contains("Permission denied (publickey)."), "the only method the sidecar offers: " + r.output());
    }

    @Test
    void theJobsPodsReachEachOtherByTheirHostsfileNamesWithNoSetup() {
        List<String> argv = ssh("jane", "127.0.0.2", "user");
        argv.add("for h in $(cat /var/hostsfile); do ssh $h 'echo reached $SSH_CONNECTION' || exit 1; done");
        var r = Programs.run(argv, TIMEOUT).requireSuccess(argv);
        List<String> reached = r.output().lines().filter(l -> l.startsWith("reached ")).map(l -> l.split(" ")[3]).toList();
        assertEquals(List.of("127.0.0.2", "127.0.0.3"), reached, "each name reached its own pod: " + r.output());
        assertFalse(r.output().contains("Permanently added"), "no host key was learned on trust: " + r.output());
        assertTrue(runs.get(1).logs().contains("Accepted publickey for jane"), runs.get(1).logs());
    }

    @Test
    void aHostWhoseKeyTheJobsCaDidNotSignIsRefused() {
        List<String> argv = ssh("jane", "127.0.0.2", "user");
        argv.add("ssh " + impostorName + " 'echo reached the impostor'");
        var r = Programs.run(argv, TIMEOUT);
        assertNotEquals(0, r.exitCode(), r.output());
        assertFalse(r.output().contains("reached the impostor"), r.output());
        assertTrue(r.output().contains("Host key verification failed"), r.output());
    }

    @Test
    void theUsersOwnIdentityFileIsOfferedFirstAndTheJobKeyStillAfterIt() {
        // What docs/user-guide.md says about ~/.ssh/config: IdentityFile adds keys before the job's, it does not replace it.
        List<String> argv = ssh("jane", "127.0.0.2", "user");
        argv.add("set -e; mkdir -p ~/.ssh; ssh-keygen -q -t ed25519 -N '' -f ~/.ssh/mine; "
                + "printf 'Host *\\n    IdentityFile ~/.ssh/mine\\n' > ~/.ssh/config; "
                + "ssh -v " + hosts.get(1) + " 'echo reached' 2>&1 | grep -E 'Offering public key|^reached'; rm -rf ~/.ssh");
        String out = Programs.run(argv, TIMEOUT).requireSuccess(argv).output();
        List<String> offered = out.lines().filter(l -> l.contains("Offering public key")).toList();
        assertEquals(2, offered.size(), out);
        assertTrue(offered.get(0).contains("/home/jane/.ssh/mine") && offered.get(1).contains("/run/wharf-ssh/id_ed25519"), out);
        assertTrue(out.lines().anyMatch(l -> l.equals("reached")), out);
    }

    private static List<String> ssh(String user, String address, String key, String... options) {
        List<String> argv = new ArrayList<>(List.of("ssh", "-F", "/dev/null", "-p", Integer.toString(port),
                "-i", dir.resolve(key).toString(), "-o", "IdentitiesOnly=yes", "-o", "BatchMode=yes",
                "-o", "ConnectTimeout=10"));
        if (options.length == 0) {
            // The outer login from this machine: its own host key check is not under test here (and kept quiet).
            argv.addAll(List.of("-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR"));
        }
        argv.addAll(List.of(options));
        argv.add(user + "@" + address);
        return argv;
    }

    private static List<String> withCommand(List<String> argv) {
        argv.add("true");
        return argv;
    }

    private static String podName(String host) {
        return host.substring(0, host.indexOf('.'));
    }

    private static void keygen(Path file, String comment) {
        List<String> argv = List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", comment, "-f", file.toString());
        Programs.run(argv, TIMEOUT).requireSuccess(argv);
    }
}
