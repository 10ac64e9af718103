package dev.wharf.operator.render;

import dev.wharf.operator.api.StoragePoolSpec;
import dev.wharf.operator.api.TransferServer;
import dev.wharf.operator.render.RenderResult.NotRendered;
import dev.wharf.operator.render.RenderResult.Rendered;
import dev.wharf.operator.render.ports.PortAllocationResult;
import dev.wharf.operator.render.ports.PortAllocator;
import dev.wharf.operator.render.ports.PortRequest;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TransferServerRendererTest {

    private static final PortAllocationResult PORTS = new PortAllocationResult.Allocated(Fixtures.gridPorts());

    private static RenderResult render(TransferServer ts, StoragePoolSpec pool, PortAllocationResult ports, Map<String, Secret> secrets) {
        return TransferServerRenderer.render(ts, pool, ports, secrets, List.of("node-a"), Fixtures.SETTINGS);
    }

    @Test
    void rendersEveryObjectIntoTheDataPlaneNamespaceInApplyOrder() {
        TransferServer ts = Fixtures.gridServer();
        Rendered r = assertInstanceOf(Rendered.class, render(ts, Fixtures.pool(), PORTS, Fixtures.gridSecrets()));
        List<String> kinds = r.objects().stream().map(HasMetadata::getKind).toList();
        assertEquals(List.of("Secret", "Secret", "ConfigMap", "Service", "StatefulSet"), kinds);
        for (HasMetadata o : r.objects()) {
            assertEquals("wharf-data", o.getMetadata().getNamespace(), o.getKind());
            assertEquals("grid", o.getMetadata().getLabels().get("wharf.dev/transferserver"));
            assertEquals("physics", o.getMetadata().getLabels().get("wharf.dev/transferserver-namespace"));
            assertEquals("wharf-operator", o.getMetadata().getLabels().get("app.kubernetes.io/managed-by"));
            assertEquals("grid", o.getMetadata().getAnnotations().get("io.javaoperatorsdk/primary-name"));
        }
        assertEquals(r.configHash(),
                r.statefulSet().getSpec().getTemplate().getMetadata().getAnnotations().get("wharf.dev/config-hash"));
        assertEquals(r.serverConf().text(), r.configMap().getData().get("server.conf"));
    }

    @Test
    void sameInputSameObjects() {
        Rendered a = (Rendered) render(Fixtures.gridServer(), Fixtures.pool(), PORTS, Fixtures.gridSecrets());
        Rendered b = (Rendered) render(Fixtures.gridServer(), Fixtures.pool(), PORTS, new HashMap<>(Fixtures.gridSecrets()));
        assertEquals(Serialization.asYaml(a.objects()), Serialization.asYaml(b.objects()));
    }

    @Test
    void aChangedSecretOrConfigChangesTheHashAndRollsThePods() {
        Rendered before = (Rendered) render(Fixtures.gridServer(), Fixtures.pool(), PORTS, Fixtures.gridSecrets());

        Map<String, Secret> rotated = new HashMap<>(Fixtures.gridSecrets());
        rotated.put("hostcert", Fixtures.secret("hostcert", Map.of("tls.crt", Fixtures.resource("hostcert.pem") + "\n",
                "tls.key", Fixtures.resource("hostkey.pem"))));
        Rendered afterSecret = (Rendered) render(Fixtures.gridServer(), Fixtures.pool(), PORTS, rotated);
        assertNotEquals(before.configHash(), afterSecret.configHash(), "the host credential is read at start only");

        TransferServer changed = Fixtures.gridServer();
        changed.getSpec().doorOptions = new dev.wharf.operator.api.DoorOptions();
        changed.getSpec().doorOptions.clientLimit = 5;
        Rendered afterConfig = (Rendered) render(changed, Fixtures.pool(), PORTS, Fixtures.gridSecrets());
        assertNotEquals(before.configHash(), afterConfig.configHash());

        Map<String, Secret> unrelated = new HashMap<>(Fixtures.gridSecrets());
        unrelated.put("someone-else", Fixtures.secret("someone-else", Map.of("x", "y")));
        assertEquals(before.configHash(), ((Rendered) render(Fixtures.gridServer(), Fixtures.pool(), PORTS, unrelated)).configHash(),
                "Secrets the server does not reference do not roll it");
    }

    @Test
    void filesTheServerReReadsChangeTheCopiesButNeverTheHash() {
        Rendered before = (Rendered) render(Fixtures.gridServer(), Fixtures.pool(), PORTS, Fixtures.gridSecrets());
        Map<String, Secret> changed = new HashMap<>(Fixtures.gridSecrets());
        changed.put("users", Fixtures.secret("users", Map.of("passwd", "jane:$6$salt$hash:1000:100::/home/jane:/bin/sh\n"
                + "john:$6$salt$other:1001:100::/home/john:/bin/sh\n")));
        changed.put("gridmap", Fixtures.secret("gridmap", Map.of("map", "\"/O=Grid/CN=John Roe\" john\n")));
        changed.put("cas", Fixtures.secret("cas", Map.of("1a2b3c4d.0", "CA PEM", "1a2b3c4d.signing_policy", "policy",
                "1a2b3c4d.r0", "CRL PEM")));
        Rendered after = (Rendered) render(Fixtures.gridServer(), Fixtures.pool(), PORTS, changed);

        assertEquals(before.configHash(), after.configHash(), "password file, grid-mapfile and CRLs reach the running pod");
        assertEquals(Serialization.asYaml(before.statefulSet()), Serialization.asYaml(after.statefulSet()));
        assertNotEquals(Serialization.asYaml(before.secrets()), Serialization.asYaml(after.secrets()), "the copies do change");
        after.statefulSet().getSpec().getTemplate().getSpec().getContainers().get(0).getVolumeMounts().stream()
                .filter(m -> m.getMountPath().startsWith("/etc/wharf/credentials") || m.getMountPath().startsWith("/etc/grid-security"))
                .forEach(m -> assertEquals(null, m.getSubPath(), "a subPath mount never sees a Secret update: " + m.getMountPath()));
    }

    @Test
    void missingPoolForeignNamespaceExhaustionAndBadSecretsRenderNothing() {
        NotRendered noPool = assertInstanceOf(NotRendered.class, render(Fixtures.gridServer(), null, PORTS, Fixtures.gridSecrets()));
        assertEquals(RenderResult.POOL_NOT_FOUND, noPool.reason());
        assertTrue(noPool.message().contains("StoragePool fast does not exist"));

        StoragePoolSpec closed = Fixtures.pool();
        closed.allowedNamespaces = List.of("chemistry");
        NotRendered foreign = assertInstanceOf(NotRendered.class, render(Fixtures.gridServer(), closed, PORTS, Fixtures.gridSecrets()));
        assertEquals(RenderResult.NAMESPACE_NOT_ALLOWED, foreign.reason());
        assertTrue(foreign.message().contains("does not admit namespace physics"));

        StoragePoolSpec tiny = Fixtures.pool();
        tiny.ports = new dev.wharf.operator.api.PoolPorts(new dev.wharf.config.PortRange(2811, 2812),
                new dev.wharf.config.PortRange(20000, 20499), 500);
        PortAllocationResult exhausted = PortAllocator.allocate("fast", tiny.ports,
                List.of(PortRequest.of(Fixtures.gridServer()))).get("physics/grid");
        NotRendered full = assertInstanceOf(NotRendered.class, render(Fixtures.gridServer(), tiny, exhausted, Fixtures.gridSecrets()));
        assertEquals(PortAllocationResult.POOL_EXHAUSTED, full.reason());

        NotRendered noSecrets = assertInstanceOf(NotRendered.class, render(Fixtures.gridServer(), Fixtures.pool(), PORTS, Map.of()));
        assertEquals("SecretMissing", noSecrets.reason());
    }

    @Test
    void aSpecWhoseServerConfTheServerWouldRefuseRendersNothing() {
        TransferServer ts = Fixtures.gridServer();
        ts.getSpec().doorOptions = new dev.wharf.operator.api.DoorOptions();
        ts.getSpec().doorOptions.allowedSubnets = List.of("10.0.0.0/8", "10.0.0.0/99"); // the CRD's pattern takes both
        NotRendered refused = assertInstanceOf(NotRendered.class, render(ts, Fixtures.pool(), PORTS, Fixtures.gridSecrets()));
        assertEquals(RenderResult.SERVER_CONF_REFUSED, refused.reason());
        assertEquals("the server would refuse the server.conf this spec renders to: server.conf:6: net.allowed-subnets:"
                + " '10.0.0.0/99' is not an IP address or CIDR block (e.g. 10.0.0.0/8, 2001:db8::/32; prefix at most 32 for"
                + " IPv4, 128 for IPv6) (docs/configuration.md)", refused.message());
    }

    @Test
    void portRequestFromTheCustomResource() {
        TransferServer ts = Fixtures.gridServer();
        PortRequest r = PortRequest.of(ts);
        assertEquals("physics/grid", r.key());
        assertEquals("2026-11-20T10:00:00Z", r.orderKey());
        Map<dev.wharf.operator.api.DoorType, Integer> doors = new HashMap<>();
        doors.put(dev.wharf.operator.api.DoorType.FTP, null);
        doors.put(dev.wharf.operator.api.DoorType.GSIFTP, 2811);
        assertEquals(doors, r.doors());
        var result = PortAllocator.allocate("fast", Fixtures.pool().ports, List.of(r));
        assertEquals(Fixtures.gridPorts(), ((PortAllocationResult.Allocated) result.get("physics/grid")).ports(),
                "Fixtures.gridPorts() is what the allocator really gives");
    }
}
