package dev.wharf.operator.render;

import dev.wharf.operator.api.Endpoint;
import dev.wharf.operator.api.SshEndpoint;
import dev.wharf.operator.api.SshUser;
import dev.wharf.operator.api.SshdSpec;
import dev.wharf.operator.api.TransferServer;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EndpointsAndNamesTest {

    @Test
    void oneUrlPerNodeAndDoorSortedByNodeThenDoor() {
        List<Endpoint> urls = Endpoints.urls(Fixtures.gridPorts(), Map.of("node-b", "node-b.example", "node-a", "2001:db8::5"));
        assertEquals(List.of("ftp://[2001:db8::5]:2800", "gsiftp://[2001:db8::5]:2811",
                        "ftp://node-b.example:2800", "gsiftp://node-b.example:2811"),
                urls.stream().map(e -> e.url).toList());
        assertEquals(new Endpoint("node-a", "ftp", "ftp://[2001:db8::5]:2800"), urls.get(0));
        assertEquals("ftp,gsiftp", Endpoints.doorSummary(Fixtures.gridServer().getSpec()));
    }

    /** curl and Python's ftplib connect data to the control address unless told otherwise (docs/ftp.md). */
    @Test
    void ftpEndpointsTellWhereDataConnectionsGo() {
        List<Endpoint> urls = Endpoints.urls(Fixtures.gridPorts(), Map.of("node-a", "a.example", "node-b", "b.example"),
                node -> node.equals("node-a") ? "ens1f0" : "ib0");
        Endpoint ftpA = urls.get(0);
        assertEquals("ftp", ftpA.door);
        assertTrue(ftpA.hint.contains("ens1f0") && ftpA.hint.contains("--no-ftp-skip-pasv-ip")
                && ftpA.hint.contains("trust_server_pasv_ipv4_address"), ftpA.hint);
        assertTrue(urls.get(2).hint.contains("ib0"), urls.get(2).hint);
        assertNull(urls.get(1).hint, "globus-url-copy uses the PASV address: no hint for gsiftp");
    }

    @Test
    void hostPrefersTheAnnotationThenNamesThenAddresses() {
        Node node = new NodeBuilder().withNewMetadata().withName("n1").endMetadata()
                .withNewStatus()
                .addNewAddress().withType("InternalIP").withAddress("10.0.0.1").endAddress()
                .addNewAddress().withType("Hostname").withAddress("n1").endAddress()
                .addNewAddress().withType("ExternalDNS").withAddress("dtn1.example.org").endAddress()
                .endStatus().build();
        assertEquals("dtn1.example.org", Endpoints.host(node));
        node.getStatus().getAddresses().removeIf(a -> a.getType().equals("ExternalDNS"));
        assertEquals("n1", Endpoints.host(node));
        node.getMetadata().setAnnotations(Map.of(Endpoints.ENDPOINT_HOST_ANNOTATION, "gridftp.example.org"));
        assertEquals("gridftp.example.org", Endpoints.host(node));
        assertEquals("bare", Endpoints.host(new NodeBuilder().withNewMetadata().withName("bare").endMetadata().build()));
    }

    @Test
    void sshCommandsOnlyWithTheSidecar() {
        TransferServer ts = Fixtures.gridServer();
        var ports = Fixtures.gridPorts();
        assertTrue(Endpoints.ssh(ts.getSpec(), ports, Map.of("node-a", "a.example")).isEmpty());
        ts.getSpec().sshd = new SshdSpec();
        ts.getSpec().sshd.enabled = true;
        ts.getSpec().sshd.user = new SshUser("jane", 1000, 100);
        ports.sshd = 2802;
        assertEquals(List.of(new SshEndpoint("node-a", "ssh -p 2802 jane@a.example")),
                Endpoints.ssh(ts.getSpec(), ports, Map.of("node-a", "a.example")));
        assertEquals("@cert-authority [a.example]:2802,[b.example]:2802 ssh-ed25519 AAAACA ca",
                Endpoints.sshKnownHosts(ts.getSpec(), ports, Map.of("node-b", "b.example", "node-a", "a.example"), "ssh-ed25519 AAAACA ca\n"));
        assertNull(Endpoints.sshKnownHosts(ts.getSpec(), ports, Map.of("node-a", "a.example"), null));
    }

    @Test
    void namesAreDnsLabelsUniquePerNamespaceAndName() {
        TransferServer a = Fixtures.gridServer();
        String base = ObjectNames.base(a);
        assertTrue(base.matches("ts-physics-grid-[0-9a-f]{8}"), base);

        TransferServer b = Fixtures.gridServer();
        b.setMetadata(new ObjectMetaBuilder().withName("grid-x").withNamespace("physics").build());
        TransferServer c = Fixtures.gridServer();
        c.setMetadata(new ObjectMetaBuilder().withName("x").withNamespace("physics-grid").build());
        assertTrue(ObjectNames.base(b).startsWith("ts-physics-grid-x-") && ObjectNames.base(c).startsWith("ts-physics-grid-x-"),
                "same readable part...");
        assertNotEquals(ObjectNames.base(b), ObjectNames.base(c), "...different hash");

        TransferServer longOne = Fixtures.gridServer();
        longOne.setMetadata(new ObjectMetaBuilder().withName("a".repeat(63)).withNamespace("n".repeat(63)).build());
        String longBase = ObjectNames.base(longOne);
        assertTrue(longBase.length() <= 47 && longBase.matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?"), longBase);
        assertTrue((longBase + "-credentials").length() <= 63);
    }
}
