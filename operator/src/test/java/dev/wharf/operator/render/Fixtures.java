package dev.wharf.operator.render;

import dev.wharf.operator.api.Anonymous;
import dev.wharf.operator.api.Authentication;
import dev.wharf.operator.api.DataInterface;
import dev.wharf.operator.api.Door;
import dev.wharf.operator.api.DoorType;
import dev.wharf.operator.api.Doors;
import dev.wharf.operator.api.HostPathStorage;
import dev.wharf.operator.api.PoolDefaults;
import dev.wharf.operator.api.PoolPorts;
import dev.wharf.operator.api.PoolStorage;
import dev.wharf.operator.api.PortAllocationStatus;
import dev.wharf.config.PortRange;
import dev.wharf.operator.api.SecretKeyRef;
import dev.wharf.operator.api.SecretRef;
import dev.wharf.operator.api.StoragePoolSpec;
import dev.wharf.operator.api.TransferServer;
import dev.wharf.operator.api.TransferServerSpec;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.Toleration;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** Shared inputs for the render tests. */
public final class Fixtures {

    public static final RenderSettings SETTINGS = new RenderSettings("wharf-data", "registry.example/wharf/server:1.0");

    private Fixtures() {
    }

    /** A hostPath pool on DTN nodes: control block 2800-2899, data 20000-24999 in blocks of 500. */
    public static StoragePoolSpec pool() {
        StoragePoolSpec p = new StoragePoolSpec();
        p.storage = new PoolStorage();
        p.storage.hostPath = new HostPathStorage("/srv/data");
        p.nodeSelector = Map.of("wharf.dev/dtn", "true");
        Toleration t = new Toleration();
        t.setKey("dedicated");
        t.setOperator("Equal");
        t.setValue("dtn");
        t.setEffect("NoSchedule");
        p.tolerations = List.of(t);
        p.dataInterface = new DataInterface("ens1f0");
        p.ports = new PoolPorts(new PortRange(2800, 2899), new PortRange(20000, 24999), 500);
        p.defaults = new PoolDefaults();
        return p;
    }

    /** physics/grid: gsiftp on 2811 and ftp on auto, password file, GSI credentials, 4 CPUs on 2 nodes. */
    public static TransferServer gridServer() {
        TransferServer ts = new TransferServer();
        ts.setMetadata(new ObjectMetaBuilder().withName("grid").withNamespace("physics").withGeneration(1L)
                .withCreationTimestamp("2026-11-20T10:00:00Z").build());
        TransferServerSpec spec = new TransferServerSpec();
        spec.pool = "fast";
        spec.doors = new Doors().with(DoorType.FTP, Door.auto()).with(DoorType.GSIFTP, Door.onPort(2811));
        spec.authentication = new Authentication();
        spec.authentication.passwordFile = new SecretKeyRef("users", null);
        spec.authentication.hostCredentialSecret = new SecretRef("hostcert");
        spec.authentication.trustAnchorsSecret = new SecretRef("cas");
        spec.authentication.gridMapfile = new SecretKeyRef("gridmap", "map");
        spec.authentication.anonymous = new Anonymous();
        spec.cpus = 4;
        spec.memory = "8Gi";
        spec.nodes = 2;
        ts.setSpec(spec);
        return ts;
    }

    /** The ports PortAllocator gives {@link #gridServer()} alone in {@link #pool()}. */
    public static PortAllocationStatus gridPorts() {
        PortAllocationStatus p = new PortAllocationStatus();
        p.doors.put("ftp", 2800);
        p.doors.put("gsiftp", 2811);
        p.admin = 2801;
        p.data = new PortRange(20000, 20499);
        return p;
    }

    /** The Secrets {@link #gridServer()} references, in its namespace. */
    public static Map<String, Secret> gridSecrets() {
        return Map.of(
                "users", secret("users", Map.of("passwd", "jane:$6$salt$hash:1000:100::/home/jane:/bin/sh\n")),
                "hostcert", secret("hostcert", Map.of("tls.crt", resource("hostcert.pem"), "tls.key", resource("hostkey.pem"))),
                "cas", secret("cas", Map.of("1a2b3c4d.0", "CA PEM", "1a2b3c4d.signing_policy", "policy")),
                "gridmap", secret("gridmap", Map.of("map", "\"/O=Grid/CN=Jane Doe\" jane\n")));
    }

    public static Secret secret(String name, Map<String, String> plain) {
        SecretBuilder b = new SecretBuilder().withNewMetadata().withName(name).withNamespace("physics").endMetadata();
        plain.forEach((k, v) -> b.addToData(k, b64(v)));
        return b.build();
    }

    public static String b64(String plain) {
        return Base64.getEncoder().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    public static String resource(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/render/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
