package dev.wharf.operator.render.sshd;

import dev.wharf.operator.api.SshForwarding;
import dev.wharf.operator.api.TransferServer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SshdConfigTest {

    /** keyword → value of every non-comment line (each keyword must appear once). */
    private static Map<String, String> options(String config) {
        List<String[]> lines = config.lines().filter(l -> !l.isBlank() && !l.startsWith("#"))
                .map(l -> l.split(" ", 2)).toList();
        Map<String, String> m = lines.stream().collect(Collectors.toMap(a -> a[0], a -> a[1]));
        assertEquals(lines.size(), m.size(), "every keyword once: " + config);
        return m;
    }

    @Test
    void keyOnlyLoginForTheOwnerAndNothingElse() {
        TransferServer ts = SshdFixtures.janeJob();
        Map<String, String> o = options(SshdConfigRenderer.render(ts.getSpec().sshd, 2802, "physics/jane-job"));
        assertEquals("2802", o.get("Port"));
        assertEquals("jane", o.get("AllowUsers"));
        assertEquals("no", o.get("PermitRootLogin"));
        assertEquals("publickey", o.get("AuthenticationMethods"));
        for (String off : List.of("PasswordAuthentication", "KbdInteractiveAuthentication", "HostbasedAuthentication",
                "PermitEmptyPasswords", "UsePAM", "PermitUserEnvironment", "AllowAgentForwarding", "AllowTcpForwarding",
                "AllowStreamLocalForwarding", "X11Forwarding", "PermitTunnel", "GatewayPorts", "UseDNS")) {
            assertEquals("no", o.get(off), off);
        }
        assertEquals("yes", o.get("StrictModes"));
        assertEquals("none", o.get("AuthorizedKeysFile"), "no file in a writable home decides who gets in");
        assertEquals("/bin/cat /etc/wharf/ssh-keys/authorized_keys /etc/wharf/ssh-keys/id_ed25519.pub",
                o.get("AuthorizedKeysCommand"));
        assertEquals("jane", o.get("AuthorizedKeysCommandUser"));
        assertEquals("/run/wharf-ssh/ssh_host_ed25519_key", o.get("HostKey"));
        assertEquals("/run/wharf-ssh/ssh_host_ed25519_key-cert.pub", o.get("HostCertificate"));
        assertEquals("none", o.get("PidFile"));
        assertFalse(o.containsKey("ListenAddress"), "every address of the node, like the doors");
    }

    @Test
    void forwardingOnlyWhenTheSpecAsks() {
        TransferServer ts = SshdFixtures.janeJob();
        ts.getSpec().sshd.forwarding = new SshForwarding(true, false, false);
        Map<String, String> agent = options(SshdConfigRenderer.render(ts.getSpec().sshd, 2802, "x"));
        assertEquals("yes", agent.get("AllowAgentForwarding"));
        assertEquals("no", agent.get("X11Forwarding"));
        assertEquals("no", agent.get("AllowTcpForwarding"));
        ts.getSpec().sshd.forwarding = new SshForwarding(false, true, true);
        Map<String, String> x11tcp = options(SshdConfigRenderer.render(ts.getSpec().sshd, 2802, "x"));
        assertEquals("no", x11tcp.get("AllowAgentForwarding"));
        assertEquals("yes", x11tcp.get("X11Forwarding"));
        assertEquals("yes", x11tcp.get("AllowTcpForwarding"));
        assertEquals("no", x11tcp.get("AllowStreamLocalForwarding"));
    }

    @Test
    void clientConfigCoversTheJobsNamesOnlyAndTrustsOnlyTheJobsHostCa() {
        TransferServer ts = SshdFixtures.janeJob();
        String base = dev.wharf.operator.render.ObjectNames.workload(ts);
        String config = SshClientConfigRenderer.sshConfig(ts, 2802);
        List<String> hostLines = config.lines().filter(l -> l.startsWith("Host ")).toList();
        assertEquals(List.of("Host " + base + "-*", "Host *"), hostLines);
        String jobBlock = config.substring(config.indexOf("Host " + base), config.indexOf("\nHost *\n"));
        for (String expected : List.of("Port 2802", "IdentityFile /run/wharf-ssh/id_ed25519", "IdentitiesOnly yes",
                "StrictHostKeyChecking yes", "UserKnownHostsFile /etc/wharf/ssh/known_hosts", "GlobalKnownHostsFile none",
                "HostKeyAlgorithms ssh-ed25519-cert-v01@openssh.com", "UpdateHostKeys no", "ForwardAgent no")) {
            assertTrue(jobBlock.contains("    " + expected + "\n"), expected + " in " + jobBlock);
        }
        JobSshKeys keys = SshdFixtures.keys();
        String knownHosts = SshClientConfigRenderer.knownHosts(ts, keys);
        assertEquals("@cert-authority " + base + "-* " + keys.hostCa().publicKey() + "\n", knownHosts);
        assertEquals(1, knownHosts.lines().count(), "the CA and nothing else");
        assertTrue(base.matches("ts-physics-jane-job-[0-9a-f]{8}"), base);
    }

    @Test
    void accountFilesNameTheOwnerAndNeverShadowThem() {
        var jane = SshdFixtures.janeJob().getSpec().sshd.user;
        String passwd = SidecarFiles.passwd(jane);
        assertEquals("jane:x:1000:1000::/home/jane:/bin/bash", passwd.lines().findFirst().orElseThrow());
        assertTrue(passwd.contains("root:x:0:0:"));
        assertTrue(SidecarFiles.group(jane).contains("jane:x:1000:\n"));
        assertTrue(SidecarFiles.group(jane).contains("tty:x:5:\n"));
        var nobodyUid = new dev.wharf.operator.api.SshUser("ann", 65534, 5);
        assertFalse(SidecarFiles.passwd(nobodyUid).contains("nobody"), "a uid is listed once");
        assertFalse(SidecarFiles.group(nobodyUid).contains("tty"), "a gid is listed once");
        var named = new dev.wharf.operator.api.SshUser("root", 1234, 1234);
        assertEquals(1, SidecarFiles.passwd(named).lines().filter(l -> l.startsWith("root:")).count());
    }

    @Test
    void startScriptMakesAndSignsTheHostKeyInMemoryAndExecsSshdInTheForeground() {
        TransferServer ts = SshdFixtures.janeJob();
        String base = dev.wharf.operator.render.ObjectNames.workload(ts);
        String script = SidecarFiles.startScript(ts, "wharf-data");
        assertTrue(script.startsWith("#!/bin/sh\n"));
        assertTrue(script.contains("set -eu\numask 077\n"));
        assertTrue(script.contains("ssh-keygen -q -t ed25519 -N '' -C \"$POD_NAME\" -f /run/wharf-ssh/ssh_host_ed25519_key\n"));
        assertTrue(script.contains("ssh-keygen -q -s \"$run/host_ca\" -h -I \"$POD_NAME\" -n \"$names\" /run/wharf-ssh/ssh_host_ed25519_key.pub\n"));
        assertTrue(script.contains("svc=\"$POD_NAME." + base + "\"\n"));
        assertTrue(script.contains("names=\"$POD_NAME,$svc,$svc.wharf-data,$svc.wharf-data.svc\"\n"));
        assertTrue(script.indexOf("rm -f \"$run/host_ca\"\nexec") > 0, "the CA copy is gone before sshd runs");
        assertTrue(script.endsWith("exec /usr/sbin/sshd -D -e -f /etc/wharf/ssh/sshd_config \"$@\"\n"));
    }
}
