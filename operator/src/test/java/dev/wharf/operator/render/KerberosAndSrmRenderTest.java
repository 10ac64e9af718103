package dev.wharf.operator.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.config.PortRange;
import dev.wharf.operator.api.Authentication;
import dev.wharf.operator.api.Door;
import dev.wharf.operator.api.DoorType;
import dev.wharf.operator.api.Doors;
import dev.wharf.operator.api.Kerberos;
import dev.wharf.operator.api.PortAllocationStatus;
import dev.wharf.operator.api.SecretKeyRef;
import dev.wharf.operator.api.SecretRef;
import dev.wharf.operator.api.TransferServer;
import dev.wharf.operator.render.RenderResult.NotRendered;
import dev.wharf.operator.render.RenderResult.Rendered;
import dev.wharf.operator.render.conf.ServerAccepts;
import dev.wharf.operator.render.ports.PortAllocationResult;
import dev.wharf.operator.render.secrets.CredentialsResult;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The Kerberos doors (issue 19) and the SRM door (issue 20) as the operator renders them. */
class KerberosAndSrmRenderTest {

    /** The start of a keytab file as kadmin writes it: format 0x05, version 0x02, then entries. */
    static final byte[] KEYTAB = {0x05, 0x02, 0, 0, 0, 0x3c, 0, 1, 0, 0x0b};

    static TransferServer kerberosServer() {
        TransferServer ts = Fixtures.gridServer();
        ts.getSpec().doors = new Doors().with(DoorType.KRBFTP, Door.onPort(2827)).with(DoorType.KRBDCAP, Door.auto());
        ts.getSpec().authentication = new Authentication();
        Kerberos krb = new Kerberos();
        krb.keytabSecret = new SecretKeyRef("krb-keytab", null);
        krb.principalMap = new SecretKeyRef("krb-map", "map");
        krb.krb5Conf = new SecretKeyRef("krb-conf", null);
        ts.getSpec().authentication.kerberos = krb;
        return ts;
    }

    static PortAllocationStatus kerberosPorts() {
        PortAllocationStatus p = new PortAllocationStatus();
        p.doors.put("krbftp", 2827);
        p.doors.put("krbdcap", 2800);
        p.admin = 2801;
        p.data = new PortRange(20000, 20499);
        return p;
    }

    static Map<String, Secret> kerberosSecrets(byte[] keytab, String map, String krb5Conf) {
        return Map.of(
                "krb-keytab", new SecretBuilder().withNewMetadata().withName("krb-keytab").withNamespace("physics").endMetadata()
                        .addToData(Kerberos.KEYTAB_KEY, Base64.getEncoder().encodeToString(keytab)).build(),
                "krb-map", Fixtures.secret("krb-map", Map.of("map", map)),
                "krb-conf", Fixtures.secret("krb-conf", Map.of(Kerberos.KRB5_CONF_KEY, krb5Conf)));
    }

    private static Map<String, Secret> kerberosSecrets() {
        return kerberosSecrets(KEYTAB, "alice@OTHER.ORG alice\n", "[libdefaults]\n default_realm = EXAMPLE.ORG\n");
    }

    private static RenderResult render(TransferServer ts, PortAllocationStatus ports, Map<String, Secret> secrets) {
        return TransferServerRenderer.render(ts, Fixtures.pool(), new PortAllocationResult.Allocated(ports), secrets, List.of(),
                Fixtures.SETTINGS);
    }

    @Test
    void kerberosDoorsRenderTheirPortsTheKeytabMapAndKrb5Conf() {
        TransferServer ts = kerberosServer();
        ts.getSpec().authentication.kerberos.servicePrincipal = "ftp/dtn1.example.org@EXAMPLE.ORG";
        Rendered r = assertInstanceOf(Rendered.class, render(ts, kerberosPorts(), kerberosSecrets()));
        ServerAccepts.check(r.serverConf(), "KerberosAndSrmRenderTest kerberos");

        Map<String, String> keys = r.serverConf().keys();
        assertEquals("true", keys.get("krbftp.enabled"));
        assertEquals("2827", keys.get("krbftp.port"));
        assertEquals("true", keys.get("krbdcap.enabled"));
        assertEquals("2800", keys.get("krbdcap.port"));
        assertEquals("/etc/wharf/credentials/krb5.keytab", keys.get("krb.keytab"));
        assertEquals("ftp/dtn1.example.org@EXAMPLE.ORG", keys.get("krb.service-principal"));
        assertEquals("/etc/wharf/credentials/principal-map", keys.get("krb.principal-map"));
        assertEquals("/etc/wharf/credentials/krb5.conf", keys.get("krb.config"));
        assertFalse(keys.containsKey("gsi.host-certificate"), "no GSI door, no GSI keys");

        Secret creds = r.secrets().get(0);
        assertEquals(Base64.getEncoder().encodeToString(KEYTAB), creds.getData().get("krb5.keytab"), "copied byte for byte");
        assertEquals(Fixtures.b64("alice@OTHER.ORG alice\n"), creds.getData().get("principal-map"));
        assertTrue(creds.getData().containsKey("krb5.conf"));

        Container server = r.statefulSet().getSpec().getTemplate().getSpec().getContainers().get(0);
        Map<String, Integer> ports = server.getPorts().stream().collect(Collectors.toMap(ContainerPort::getName, ContainerPort::getHostPort));
        assertEquals(Map.of("krbftp", 2827, "krbdcap", 2800, "admin", 2801), ports);
        assertEquals(Integer.valueOf(0400), r.statefulSet().getSpec().getTemplate().getSpec().getVolumes().stream()
                .filter(v -> v.getSecret() != null && ObjectNames.credentials(ts).equals(v.getSecret().getSecretName()))
                .findFirst().orElseThrow().getSecret().getDefaultMode(), "the keytab is readable by the server only");
    }

    @Test
    void theServersDefaultPrincipalAndKrb5ConfAreLeftToIt() {
        TransferServer ts = kerberosServer();
        ts.getSpec().authentication.kerberos.principalMap = null;
        ts.getSpec().authentication.kerberos.krb5Conf = null;
        Rendered r = assertInstanceOf(Rendered.class, render(ts, kerberosPorts(), kerberosSecrets()));
        assertEquals("/etc/wharf/credentials/krb5.keytab", r.serverConf().keys().get("krb.keytab"));
        assertFalse(r.serverConf().keys().containsKey("krb.service-principal"), "ftp/<node host>@REALM suits every node");
        assertFalse(r.serverConf().keys().containsKey("krb.principal-map"));
        assertFalse(r.serverConf().keys().containsKey("krb.config"));
    }

    @Test
    void aNewKeytabOrPrincipalMapReachesTheRunningPodButANewKrb5ConfRollsIt() {
        Rendered before = (Rendered) render(kerberosServer(), kerberosPorts(), kerberosSecrets());
        byte[] newKvno = KEYTAB.clone();
        newKvno[9] = 0x0c;
        Rendered rotated = (Rendered) render(kerberosServer(), kerberosPorts(),
                kerberosSecrets(newKvno, "alice@OTHER.ORG alice\nbob@OTHER.ORG bob\n", "[libdefaults]\n default_realm = EXAMPLE.ORG\n"));
        assertNotEquals(before.secrets().get(0).getData(), rotated.secrets().get(0).getData(), "the copies follow");
        assertEquals(before.configHash(), rotated.configHash(), "keytab and principal map are re-read by the server");

        Rendered newConf = (Rendered) render(kerberosServer(), kerberosPorts(),
                kerberosSecrets(KEYTAB, "alice@OTHER.ORG alice\n", "[libdefaults]\n default_realm = OTHER.ORG\n"));
        assertNotEquals(before.configHash(), newConf.configHash(), "krb5.conf is read at start only");
    }

    @Test
    void aKerberosDoorWithoutTheKerberosBlockIsRefusedNotCrashed() {
        TransferServer ts = kerberosServer();
        ts.getSpec().authentication.kerberos = null;
        NotRendered refused = assertInstanceOf(NotRendered.class, render(ts, kerberosPorts(), Map.of()));
        assertEquals(CredentialsResult.CREDENTIAL_REQUIRED, refused.reason());
        assertEquals("the door(s) krbftp, krbdcap need authentication.kerberos (keytabSecret: a Secret holding the service"
                + " keytab; principalMap and krb5Conf as your realm needs)", refused.message());
    }

    @Test
    void aMissingKeytabSecretOrKeyIsNamed() {
        Map<String, Secret> secrets = new HashMap<>(kerberosSecrets());
        secrets.remove("krb-keytab");
        NotRendered missing = assertInstanceOf(NotRendered.class, render(kerberosServer(), kerberosPorts(), secrets));
        assertEquals(CredentialsResult.SECRET_MISSING, missing.reason());
        assertTrue(missing.message().contains("authentication.kerberos.keytabSecret"), missing.message());

        secrets.put("krb-map", Fixtures.secret("krb-map", Map.of("other", "x")));
        secrets.put("krb-keytab", kerberosSecrets().get("krb-keytab"));
        NotRendered key = assertInstanceOf(NotRendered.class, render(kerberosServer(), kerberosPorts(), secrets));
        assertEquals("Secret krb-map (authentication.kerberos.principalMap) has no key 'map'", key.message());
    }

    @Test
    void srmNeedsTheGsiHostCredentialLikeGridftp() {
        TransferServer ts = Fixtures.gridServer();
        ts.getSpec().doors = new Doors().with(DoorType.SRM, Door.onPort(2843));
        ts.getSpec().authentication = new Authentication();
        NotRendered refused = assertInstanceOf(NotRendered.class, render(ts, srmPorts(), Map.of()));
        assertEquals(CredentialsResult.CREDENTIAL_REQUIRED, refused.reason());
        assertTrue(refused.message().startsWith("the door(s) srm need authentication.hostCredentialSecret"), refused.message());
    }

    @Test
    void srmRendersItsDoorAndTheGsiKeys() {
        TransferServer ts = Fixtures.gridServer();
        ts.getSpec().doors = new Doors().with(DoorType.GSIFTP, Door.onPort(2811)).with(DoorType.SRM, Door.onPort(2843));
        ts.getSpec().authentication.passwordFile = null;
        PortAllocationStatus ports = srmPorts();
        ports.doors.put("gsiftp", 2811);
        Rendered r = assertInstanceOf(Rendered.class, render(ts, ports, Fixtures.gridSecrets()));
        ServerAccepts.check(r.serverConf(), "KerberosAndSrmRenderTest srm");
        Map<String, String> keys = r.serverConf().keys();
        assertEquals("true", keys.get("srm.enabled"));
        assertEquals("2843", keys.get("srm.port"));
        assertEquals("/etc/wharf/credentials/hostcert.pem", keys.get("gsi.host-certificate"));
        assertEquals("/etc/grid-security/certificates", keys.get("gsi.cert-dir"));
        assertEquals("/etc/wharf/credentials/grid-mapfile", keys.get("gsi.gridmap"));

        ts.getSpec().doors = new Doors().with(DoorType.SRM, Door.onPort(2843));
        Map<String, String> alone = assertInstanceOf(Rendered.class, render(ts, srmPorts(), Fixtures.gridSecrets())).serverConf().keys();
        assertEquals("/etc/wharf/credentials/hostkey.pem", alone.get("gsi.host-key"), "srm alone still gets the GSI keys");
        assertFalse(alone.containsKey("gridftp.enabled"));
    }

    @Test
    void endpointsOfTheNewDoors() {
        PortAllocationStatus ports = kerberosPorts();
        ports.doors.put("srm", 8443);
        List<dev.wharf.operator.api.Endpoint> urls = Endpoints.urls(ports, Map.of("node-a", "dtn1.example.org"));
        assertEquals(List.of("ftp://dtn1.example.org:2827", "dcap://dtn1.example.org:2800",
                "srm://dtn1.example.org:8443/srm/managerv2"), urls.stream().map(e -> e.url).toList());
        assertEquals(List.of("krbftp", "krbdcap", "srm"), urls.stream().map(e -> e.door).toList());
        assertTrue(urls.get(0).hint.contains("curl --krb private") && urls.get(0).hint.contains("ftp/dtn1.example.org"), urls.get(0).hint);
        assertTrue(urls.get(1).hint.contains("libgssTunnel.so") && urls.get(1).hint.contains("host/dtn1.example.org"), urls.get(1).hint);
        assertTrue(urls.get(0).hint.contains("never --krb clear") && !urls.get(0).hint.contains("or --krb clear"),
                "curl 7.56.1-7.87 corrupts clear data: " + urls.get(0).hint);
        assertTrue(urls.get(1).hint.contains("DCACHE_IO_TUNNEL=") && !urls.get(1).hint.contains("-T "),
                "dccp's -T does not apply to URLs: " + urls.get(1).hint);
        assertEquals(null, urls.get(2).hint);
        assertEquals("srm://[2001:db8::5]:8443/srm/managerv2",
                Endpoints.urls(ports, Map.of("node-a", "2001:db8::5")).get(2).url, "IPv6 in brackets before the path");
    }

    private static PortAllocationStatus srmPorts() {
        PortAllocationStatus p = new PortAllocationStatus();
        p.doors.put("srm", 2843);
        p.admin = 2801;
        p.data = new PortRange(20000, 20499);
        return p;
    }
}
