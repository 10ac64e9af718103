package dev.wharf.operator.api;

import dev.wharf.config.PortRange;
import dev.wharf.config.ListFormat;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Manifests as users write them map onto the api classes, ports given as numbers or 'auto'. */
class ApiSerializationTest {

    @Test
    void transferServerManifestRoundTrips() {
        String yaml = """
                apiVersion: wharf.dev/v1alpha1
                kind: TransferServer
                metadata: {name: grid, namespace: physics}
                spec:
                  pool: fast
                  doors:
                    gsiftp: {port: 2811}
                    ftp: {port: auto}
                    dcap: {enabled: false}
                  doorOptions: {listFormat: legacy, allowedSubnets: [10.0.0.0/8]}
                  pinning: none
                  cpus: 4
                  sshd: {enabled: true, user: {name: jane, uid: 1000, gid: 100}, authorizedKeysSecret: {name: keys}}
                """;
        TransferServer ts = Serialization.unmarshal(yaml, TransferServer.class);

        assertEquals("fast", ts.getSpec().pool);
        assertEquals(2811, Door.fixedPort(ts.getSpec().doors.gsiftp.port));
        assertNull(Door.fixedPort(ts.getSpec().doors.ftp.port));
        assertEquals(List.of(DoorType.FTP, DoorType.GSIFTP), List.copyOf(ts.getSpec().doors.enabled().keySet()));
        assertEquals(ListFormat.LEGACY, ts.getSpec().doorOptions.listFormat);
        assertEquals(100, ts.getSpec().doorOptions.clientLimit, "Java-side default matches the schema default");
        assertEquals(Pinning.NONE, ts.getSpec().pinning);
        assertEquals(4, ts.getSpec().cpus);
        assertEquals("4Gi", ts.getSpec().memory);
        assertTrue(ts.getSpec().sshd.isEnabled());
        assertEquals(1000L, ts.getSpec().sshd.user.uid);

        String back = Serialization.asYaml(ts);
        assertTrue(back.contains("port: 2811"), back);
        assertTrue(back.contains("listFormat: \"legacy\""), back);
    }

    @Test
    void storagePoolHelpers() {
        StoragePoolSpec spec = new StoragePoolSpec();
        spec.dataInterface = new DataInterface("ens1f0");
        spec.dataInterface.overrides = List.of(new InterfaceOverride("node-b", "eth2"));
        assertEquals("ens1f0", spec.dataInterface.forNode("node-a"));
        assertEquals("eth2", spec.dataInterface.forNode("node-b"));

        assertTrue(spec.admits("anyone"));
        spec.allowedNamespaces = List.of("physics");
        assertTrue(spec.admits("physics"));
        assertFalse(spec.admits("chemistry"));

        PortRange r = new PortRange(20000, 20499);
        assertEquals(500, r.size());
        assertEquals("20000-20499", r.toString());
        assertEquals(Map.of("first", 20000, "last", 20499),
                Serialization.unmarshal(Serialization.asJson(r), Map.class));
    }
}
