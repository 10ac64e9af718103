package dev.wharf.operator.render.conf;

import dev.wharf.config.AccessLevel;
import dev.wharf.operator.api.AclDefaults;
import dev.wharf.operator.api.Anonymous;
import dev.wharf.operator.api.Authentication;
import dev.wharf.operator.api.Door;
import dev.wharf.operator.api.DoorOptions;
import dev.wharf.operator.api.DoorType;
import dev.wharf.operator.api.Doors;
import dev.wharf.config.ListFormat;
import dev.wharf.operator.api.LogLevel;
import dev.wharf.operator.api.Pinning;
import dev.wharf.operator.api.PortAllocationStatus;
import dev.wharf.config.PortRange;
import dev.wharf.operator.api.SecretRef;
import dev.wharf.operator.api.StoragePoolSpec;
import dev.wharf.operator.api.TransferServer;
import dev.wharf.operator.render.Fixtures;
import io.fabric8.kubernetes.api.model.ConfigMap;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class ServerConfRendererTest {

    /** Every fixture's rendering goes through the server's own checks ({@link ServerAccepts}) before its assertions. */
    private static ServerConf rendered(TransferServer ts, StoragePoolSpec pool, PortAllocationStatus ports) {
        ServerConf conf = ServerConfRenderer.render(ts, pool, ports);
        ServerAccepts.check(conf, "ServerConfRendererTest: " + ts.getMetadata().getName());
        return conf;
    }

    @Test
    void gridServerRendersEveryKeyItUses() {
        ServerConf conf = rendered(Fixtures.gridServer(), Fixtures.pool(), Fixtures.gridPorts());
        assertEquals("""
                # Rendered by the Wharf operator for TransferServer physics/grid (pool fast).
                # Do not edit: the operator overwrites it. Keys: docs/configuration.md
                control.interface = 0.0.0.0
                data.interface = ens1f0
                data.port-range = 20000-20499
                net.proxy-protocol = false
                limits.clients = 100
                limits.idle-timeout = 900
                limits.streams-per-client = 10
                storage.root = /data
                auth.password-file = /etc/wharf/credentials/passwd
                auth.username-password = true
                anonymous.enabled = false
                transfer.overwrite = true
                log.aborted-transfers = true
                ftp.enabled = true
                ftp.port = 2800
                ftp.list-format = ls-l
                ftps.enabled = false
                tls.certificate = /etc/wharf/credentials/hostcert.pem
                tls.key = /etc/wharf/credentials/hostkey.pem
                admin.interface = 0.0.0.0
                admin.port = 2801
                log.level = info
                acl.enabled = true
                gridftp.enabled = true
                gridftp.port = 2811
                gsi.host-certificate = /etc/wharf/credentials/hostcert.pem
                gsi.host-key = /etc/wharf/credentials/hostkey.pem
                gsi.cert-dir = /etc/grid-security/certificates
                gsi.gridmap = /etc/wharf/credentials/grid-mapfile
                """, conf.text());
    }

    @Test
    void doorOptionsAnonymousInheritanceAndPoolAcl() {
        TransferServer ts = Fixtures.gridServer();
        ts.getSpec().doors = new Doors().with(DoorType.FTPS, Door.onPort(2990)).with(DoorType.DCAP, Door.auto());
        ts.getSpec().authentication = new Authentication();
        ts.getSpec().authentication.tlsSecret = new SecretRef("web-tls");
        ts.getSpec().authentication.usernamePassword = false;
        ts.getSpec().authentication.anonymous = new Anonymous();
        ts.getSpec().authentication.anonymous.requireEmailPassword = true;
        DoorOptions o = new DoorOptions();
        o.allowedSubnets = List.of("10.0.0.0/8", "2001:db8::/32");
        o.clientLimit = 7;
        o.streamsPerClient = 16;
        o.idleTimeoutSeconds = 60;
        o.overwrite = false;
        o.listFormat = ListFormat.LEGACY;
        o.proxyProtocol = true;
        o.proxyTrusted = List.of("10.0.0.0/24");
        o.logAbortedTransfers = false;
        ts.getSpec().doorOptions = o;
        ts.getSpec().pinning = Pinning.NONE;
        ts.getSpec().logLevel = LogLevel.DEBUG;
        StoragePoolSpec pool = Fixtures.pool();
        pool.defaults.anonymous = new Anonymous();
        pool.defaults.anonymous.enabled = true;
        pool.defaults.anonymous.root = "public/data";
        pool.defaults.anonymous.user = "ftp";
        pool.defaults.acl = new AclDefaults();
        pool.defaults.acl.authenticated = AccessLevel.READ;
        pool.defaults.acl.anonymous = AccessLevel.NONE;
        PortAllocationStatus ports = new PortAllocationStatus();
        ports.doors.put("ftps", 2990);
        ports.doors.put("dcap", 2800);
        ports.admin = 2801;
        ports.data = new PortRange(21000, 21499);

        ServerConf conf = rendered(ts, pool, ports);

        assertEquals("10.0.0.0/8,2001:db8::/32", conf.keys().get("net.allowed-subnets"));
        assertEquals("true", conf.keys().get("net.proxy-protocol"));
        assertEquals("10.0.0.0/24", conf.keys().get("net.proxy-trusted"));
        assertEquals("7", conf.keys().get("limits.clients"));
        assertEquals("60", conf.keys().get("limits.idle-timeout"));
        assertEquals("16", conf.keys().get("limits.streams-per-client"));
        assertEquals("false", conf.keys().get("auth.username-password"));
        assertFalse(conf.keys().containsKey("auth.password-file"));
        assertEquals("true", conf.keys().get("anonymous.enabled"));
        assertEquals("ftp", conf.keys().get("anonymous.user"));
        assertEquals("/data/public/data", conf.keys().get("anonymous.root"));
        assertEquals("true", conf.keys().get("anonymous.require-email-password"), "the server's own setting wins over the pool's");
        assertEquals("false", conf.keys().get("transfer.overwrite"));
        assertEquals("false", conf.keys().get("log.aborted-transfers"));
        assertEquals("false", conf.keys().get("ftp.enabled"));
        assertFalse(conf.keys().containsKey("ftp.port"));
        assertEquals("legacy", conf.keys().get("ftp.list-format"));
        assertEquals("true", conf.keys().get("ftps.enabled"));
        assertEquals("2990", conf.keys().get("ftps.port"));
        assertEquals("/etc/wharf/credentials/tls.crt", conf.keys().get("tls.certificate"));
        assertEquals("true", conf.keys().get("dcap.enabled"));
        assertEquals("2800", conf.keys().get("dcap.port"));
        assertEquals("21000-21499", conf.keys().get("data.port-range"));
        assertEquals("debug", conf.keys().get("log.level"));
        assertEquals("read", conf.keys().get("acl.default.authenticated"));
        assertEquals("none", conf.keys().get("acl.default.anonymous"));
        assertEquals("none", conf.keys().get("threads.pinning"));
        assertFalse(conf.keys().containsKey("gsi.host-certificate"), "no GSI door, no GSI keys");
        assertFalse(conf.keys().containsKey("gridftp.enabled"), "planned keys only when used");
    }

    @Test
    void anonymousRootDefaultsToPub() {
        TransferServer ts = Fixtures.gridServer();
        ts.getSpec().authentication.anonymous.enabled = true;
        ServerConf conf = rendered(ts, Fixtures.pool(), Fixtures.gridPorts());
        assertEquals("/data/pub", conf.keys().get("anonymous.root"));
        assertFalse(conf.keys().containsKey("anonymous.user"));
    }

    @Test
    void defaultAclLevelsNeverExceedThePoolsCap() {
        TransferServer ts = Fixtures.gridServer();
        StoragePoolSpec pool = Fixtures.pool();
        ServerConf conf = rendered(ts, pool, Fixtures.gridPorts());
        assertFalse(conf.keys().containsKey("acl.default.authenticated"), "the server's default (write) is within the cap");

        pool.policy = new dev.wharf.operator.api.PoolPolicy();
        pool.policy.maxDefaultAcl = AccessLevel.READ;
        conf = rendered(ts, pool, Fixtures.gridPorts());
        assertEquals("read", conf.keys().get("acl.default.authenticated"), "write would be above the cap: written down to it");
        assertEquals("read", conf.keys().get("acl.default.anonymous"), "the anonymous default, list, is above read too");
    }

    @Test
    void aServersOwnAclLevelsComeBeforeThePoolsDefaults() {
        TransferServer ts = Fixtures.gridServer();
        ts.getSpec().acl = new dev.wharf.operator.api.ServerAcl();
        ts.getSpec().acl.authenticated = AccessLevel.LIST;
        StoragePoolSpec pool = Fixtures.pool();
        pool.defaults.acl = new AclDefaults();
        pool.defaults.acl.authenticated = AccessLevel.WRITE;
        assertEquals("list", rendered(ts, pool, Fixtures.gridPorts()).keys().get("acl.default.authenticated"));
        assertEquals(java.util.Optional.of(AccessLevel.WRITE), ServerConfRenderer.level(null, AccessLevel.ADMIN, AccessLevel.WRITE,
                AccessLevel.WRITE), "the pool's own default is clamped to its cap");
    }

    @Test
    void configMapCarriesTheFileInTheDataPlaneNamespace() {
        TransferServer ts = Fixtures.gridServer();
        ServerConf conf = rendered(ts, Fixtures.pool(), Fixtures.gridPorts());
        ConfigMap cm = ConfigMapRenderer.render(ts, conf, "wharf-data");
        assertEquals("wharf-data", cm.getMetadata().getNamespace());
        assertEquals("ts-physics-grid-" + cm.getMetadata().getName().substring(16, 24) + "-config", cm.getMetadata().getName());
        assertEquals(conf.text(), cm.getData().get("server.conf"));
        assertEquals("grid", cm.getMetadata().getAnnotations().get("io.javaoperatorsdk/primary-name"));
        assertEquals("physics", cm.getMetadata().getAnnotations().get("io.javaoperatorsdk/primary-namespace"));
        assertEquals("physics", cm.getMetadata().getLabels().get("wharf.dev/transferserver-namespace"));
    }
}
