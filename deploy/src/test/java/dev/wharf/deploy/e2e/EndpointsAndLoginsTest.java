package dev.wharf.deploy.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Parsing what a TransferServer advertises, and making it reachable from outside the cluster. */
class EndpointsAndLoginsTest {

    @Test
    void parsesEndpointUrls() {
        assertEquals(new EndpointUrl("gsiftp", "node-a.example", 2811), EndpointUrl.parse("gsiftp://node-a.example:2811"));
        assertEquals(new EndpointUrl("ftp", "dtn-01", 2812), EndpointUrl.parse(" ftp://dtn-01:2812/ "));
        assertEquals(new EndpointUrl("dcap", "h", 22125), EndpointUrl.parse("dcap://h"));
        assertEquals(new EndpointUrl("ftps", "2001:db8::1", 2990), EndpointUrl.parse("ftps://[2001:db8::1]:2990"));
    }

    @Test
    void refusesWhatIsNotAnEndpoint() {
        assertThrows(IllegalArgumentException.class, () -> EndpointUrl.parse("http://node:80"));
        assertThrows(IllegalArgumentException.class, () -> EndpointUrl.parse("ftp://user:pw@node:21"));
        assertThrows(IllegalArgumentException.class, () -> EndpointUrl.parse("ftp://node:21/some/path"));
        assertThrows(IllegalArgumentException.class, () -> EndpointUrl.parse("node:21"));
        assertThrows(IllegalArgumentException.class, () -> EndpointUrl.parse("ftp://node:0"));
    }

    @Test
    void buildsFileUrlsForTheClients() {
        EndpointUrl e = new EndpointUrl("ftp", "172.18.0.2", 2812);
        assertEquals("ftp://alice:pw@172.18.0.2:2812/dir/f.bin", e.fileUrl("alice", "pw", "dir/f.bin"));
        assertEquals("ftp://172.18.0.2:2812/f", e.fileUrl(null, null, "/f"));
        assertEquals("gsiftp://[::1]:2811/f", new EndpointUrl("gsiftp", "::1", 2811).fileUrl(null, null, "/f"));
    }

    @Test
    void parsesSshLogins() {
        assertEquals(new SshCommand("jane", "node-a.example", 2222), SshCommand.parse("ssh -p 2222 jane@node-a.example"));
        assertEquals(new SshCommand("jane", "n", 22), SshCommand.parse("ssh jane@n"));
        assertThrows(IllegalArgumentException.class, () -> SshCommand.parse("scp -P 2 jane@n"));
        assertThrows(IllegalArgumentException.class, () -> SshCommand.parse("ssh -p 2222 node-a"));
        assertThrows(IllegalArgumentException.class, () -> SshCommand.parse("ssh -o X=1 jane@n"));
        assertThrows(IllegalArgumentException.class, () -> SshCommand.parse("ssh jane@a jane@b"));
    }

    @Test
    void sshArgvIsNonInteractiveAndKeyOnly() {
        List<String> argv = new SshCommand("jane", "10.0.0.1", 2222).argv("/k", "id -un");
        assertEquals(List.of("ssh", "-p", "2222", "-i", "/k", "-o", "BatchMode=yes", "-o", "IdentitiesOnly=yes",
                "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "ConnectTimeout=10",
                "jane@10.0.0.1", "id -un"), argv);
    }

    @Test
    void nodeNamesBecomeTheirInternalAddresses() {
        NodeAddresses nodes = NodeAddresses.of(List.of(
                node("wharf-e2e-worker", "InternalIP", "172.18.0.3", "Hostname", "wharf-e2e-worker"),
                node("dtn-01", "ExternalIP", "192.0.2.7", "InternalDNS", "dtn-01.cluster.example"),
                node("no-address")));
        assertEquals("172.18.0.3", nodes.reachable("wharf-e2e-worker"));
        assertEquals("192.0.2.7", nodes.reachable("dtn-01"));
        assertEquals("192.0.2.7", nodes.reachable("dtn-01.cluster.example"));
        assertEquals("10.1.2.3", nodes.reachable("10.1.2.3"));
        assertEquals(new EndpointUrl("ftp", "172.18.0.3", 2812), nodes.reachable(EndpointUrl.parse("ftp://wharf-e2e-worker:2812")));
        assertEquals(new SshCommand("jane", "172.18.0.3", 2222), nodes.reachable(SshCommand.parse("ssh -p 2222 jane@wharf-e2e-worker")));
        assertThrows(IllegalStateException.class, () -> nodes.reachable("no-address"));
        assertThrows(IllegalStateException.class, () -> nodes.reachable("elsewhere.example"));
    }

    @Test
    void readsEndpointsAndLoginsFromTheStatus() {
        GenericKubernetesResource ts = new GenericKubernetesResource();
        ts.setAdditionalProperty("status", Map.of(
                "endpoints", List.of(Map.of("node", "a", "door", "ftp", "url", "ftp://a:2812"),
                        Map.of("node", "a", "door", "gsiftp", "url", "gsiftp://a:2811")),
                "sshEndpoints", List.of(Map.of("node", "a", "command", "ssh -p 2830 jane@a"))));
        assertEquals(List.of(new EndpointUrl("ftp", "a", 2812), new EndpointUrl("gsiftp", "a", 2811)), StatusView.endpoints(ts));
        assertEquals(List.of(new SshCommand("jane", "a", 2830)), StatusView.sshLogins(ts));
        assertEquals(List.of(), StatusView.endpoints(new GenericKubernetesResource()));
    }

    @Test
    void verifiedSshChecksTheHostCertificateOfThePodAgainstTheJobsCa() {
        List<String> argv = new SshCommand("jane", "10.0.0.1", 2222).verifiedArgv("/k", "/kh", "ts-x-0", "id -un");
        assertEquals(List.of("ssh", "-F", "/dev/null", "-p", "2222", "-i", "/k", "-o", "BatchMode=yes", "-o", "IdentitiesOnly=yes",
                "-o", "StrictHostKeyChecking=yes", "-o", "UserKnownHostsFile=/kh", "-o", "HostKeyAlias=ts-x-0",
                "-o", "ConnectTimeout=10", "jane@10.0.0.1", "id -un"), argv);
    }

    @Test
    void pairsEachSshLoginWithThePodOnItsNode() {
        GenericKubernetesResource ts = new GenericKubernetesResource();
        ts.setAdditionalProperty("status", Map.of(
                "pods", List.of(Map.of("name", "ts-x-1", "node", "b"), Map.of("name", "ts-x-0", "node", "a")),
                "sshEndpoints", List.of(Map.of("node", "b", "command", "ssh -p 2830 jane@b.example"),
                        Map.of("node", "a", "command", "ssh -p 2830 jane@a.example"))));
        assertEquals(Map.of("a", new SshCommand("jane", "a.example", 2830), "b", new SshCommand("jane", "b.example", 2830)),
                StatusView.sshLoginsByNode(ts));
        assertEquals(Map.of("a", "ts-x-0", "b", "ts-x-1"), StatusView.podsByNode(ts));
        assertEquals(null, StatusView.sshKnownHosts(ts));
        ts.setAdditionalProperty("status", Map.of("sshKnownHosts", "@cert-authority [a]:2830 ssh-ed25519 AAAA ca"));
        assertEquals("@cert-authority [a]:2830 ssh-ed25519 AAAA ca", StatusView.sshKnownHosts(ts));
    }

    private static Node node(String name, String... typeAndAddress) {
        NodeBuilder b = new NodeBuilder().withNewMetadata().withName(name).endMetadata().withNewStatus().endStatus();
        Node n = b.build();
        for (int i = 0; i < typeAndAddress.length; i += 2) {
            n.getStatus().getAddresses().add(new io.fabric8.kubernetes.api.model.NodeAddress(typeAndAddress[i + 1], typeAndAddress[i]));
        }
        return n;
    }
}
