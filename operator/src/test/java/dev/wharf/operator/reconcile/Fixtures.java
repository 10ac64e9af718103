package dev.wharf.operator.reconcile;

import dev.wharf.operator.api.Authentication;
import dev.wharf.operator.api.DataInterface;
import dev.wharf.operator.api.Door;
import dev.wharf.operator.api.Doors;
import dev.wharf.operator.api.HostPathStorage;
import dev.wharf.operator.api.IdRange;
import dev.wharf.operator.api.PoolPolicy;
import dev.wharf.operator.api.SshdPolicy;
import dev.wharf.operator.api.PoolPorts;
import dev.wharf.operator.api.PoolStorage;
import dev.wharf.config.PortRange;
import dev.wharf.operator.api.SecretRef;
import dev.wharf.operator.api.StoragePool;
import dev.wharf.operator.api.StoragePoolSpec;
import dev.wharf.operator.api.TransferServer;
import dev.wharf.operator.api.TransferServerSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** Resources the reconciler tests create. */
final class Fixtures {

    private Fixtures() {
    }

    static StoragePool pool(String name, int controlFirst, int controlLast, List<String> allowedNamespaces) {
        StoragePool pool = new StoragePool();
        pool.getMetadata().setName(name);
        StoragePoolSpec spec = new StoragePoolSpec();
        spec.storage = new PoolStorage();
        spec.storage.hostPath = new HostPathStorage();
        spec.storage.hostPath.path = "/data";
        spec.nodeSelector = Map.of("wharf.dev/pool-" + name, "true");
        spec.dataInterface = new DataInterface("eth0");
        spec.ports = new PoolPorts(new PortRange(controlFirst, controlLast), new PortRange(20000, 20999), 100);
        spec.allowedNamespaces = allowedNamespaces;
        // the sshd tests' user (1000:1000) is admitted; everything else keeps the safe defaults
        spec.policy = new PoolPolicy();
        spec.policy.sshd = new SshdPolicy(new IdRange(1000, 1999), new IdRange(1000, 1999));
        pool.setSpec(spec);
        return pool;
    }

    static TransferServer server(String namespace, String name, String pool, String tlsSecret) {
        TransferServer ts = new TransferServer();
        ts.getMetadata().setName(name);
        ts.getMetadata().setNamespace(namespace);
        TransferServerSpec spec = new TransferServerSpec();
        spec.pool = pool;
        spec.doors = new Doors().with(dev.wharf.operator.api.DoorType.FTP, Door.auto());
        if (tlsSecret != null) {
            spec.authentication = new Authentication();
            spec.authentication.tlsSecret = new SecretRef(tlsSecret);
        }
        ts.setSpec(spec);
        return ts;
    }

    static Secret tlsSecret(String namespace, String name, String certFixture, String keyFixture) {
        return new SecretBuilder().withNewMetadata().withName(name).withNamespace(namespace).endMetadata()
                .withType("kubernetes.io/tls")
                .withData(Map.of("tls.crt", base64(pem(certFixture)), "tls.key", base64(pem(keyFixture))))
                .build();
    }

    static byte[] pem(String fixture) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/pem/" + fixture)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** A running topology agent pod of {@code pool} on {@code node}; its log is what the mock server answers for it. */
    static io.fabric8.kubernetes.api.model.Pod topologyAgent(String name, String pool, String node) {
        return new io.fabric8.kubernetes.api.model.PodBuilder().withNewMetadata().withName(name).withNamespace("wharf-data")
                .withLabels(Map.of(dev.wharf.operator.render.ObjectNames.NAME_LABEL,
                        dev.wharf.operator.render.topology.TopologyAgentRenderer.APP_NAME,
                        dev.wharf.operator.render.ObjectNames.POOL_LABEL, pool))
                .withUid(java.util.UUID.randomUUID().toString()).endMetadata()
                .withNewSpec().withNodeName(node).endSpec()
                .withNewStatus().addNewContainerStatus().withName(dev.wharf.operator.render.topology.TopologyAgentRenderer.CONTAINER)
                .withRestartCount(0).withNewState().withNewRunning().endRunning().endState().endContainerStatus().endStatus()
                .build();
    }
}
