package dev.wharf.operator.render.secrets;

import dev.wharf.operator.api.Authentication;
import dev.wharf.operator.api.Door;
import dev.wharf.operator.api.DoorType;
import dev.wharf.operator.api.Doors;
import dev.wharf.operator.api.TransferServer;
import dev.wharf.operator.render.Fixtures;
import dev.wharf.operator.render.ObjectNames;
import dev.wharf.operator.render.secrets.CredentialsResult.Problem;
import dev.wharf.operator.render.secrets.CredentialsResult.Ready;
import io.fabric8.kubernetes.api.model.Secret;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CredentialsRendererTest {

    @Test
    void copiesReferencedKeysUnderFixedNames() {
        TransferServer ts = Fixtures.gridServer();
        Map<String, Secret> user = Fixtures.gridSecrets();
        Ready ready = assertInstanceOf(Ready.class, CredentialsRenderer.render(ts, user, "wharf-data"));

        assertEquals(2, ready.secrets().size());
        Secret creds = ready.secrets().get(0);
        assertEquals(ObjectNames.credentials(ts), creds.getMetadata().getName());
        assertEquals("wharf-data", creds.getMetadata().getNamespace());
        assertEquals(Set.of("passwd", "hostcert.pem", "hostkey.pem", "grid-mapfile"), creds.getData().keySet());
        assertEquals(user.get("users").getData().get("passwd"), creds.getData().get("passwd"));
        assertEquals(user.get("gridmap").getData().get("map"), creds.getData().get("grid-mapfile"));
        assertEquals(user.get("hostcert").getData().get("tls.crt"), creds.getData().get("hostcert.pem"));

        Secret anchors = ready.secrets().get(1);
        assertEquals(ObjectNames.trustAnchors(ts), anchors.getMetadata().getName());
        assertEquals(user.get("cas").getData(), anchors.getData());
    }

    @Test
    void missingSecretOrKeyIsAProblemNamingIt() {
        TransferServer ts = Fixtures.gridServer();
        Map<String, Secret> user = new HashMap<>(Fixtures.gridSecrets());
        user.remove("users");
        Problem missing = assertInstanceOf(Problem.class, CredentialsRenderer.render(ts, user, "wharf-data"));
        assertEquals(CredentialsResult.SECRET_MISSING, missing.reason());
        assertEquals("Secret users (authentication.passwordFile) does not exist in the TransferServer's namespace", missing.message());

        user = new HashMap<>(Fixtures.gridSecrets());
        user.put("gridmap", Fixtures.secret("gridmap", Map.of("other", "x")));
        Problem key = assertInstanceOf(Problem.class, CredentialsRenderer.render(ts, user, "wharf-data"));
        assertEquals(CredentialsResult.SECRET_KEY_MISSING, key.reason());
        assertEquals("Secret gridmap (authentication.gridMapfile) has no key 'map'", key.message());
    }

    @Test
    void malformedCertificateOrKeyIsReported() {
        TransferServer ts = Fixtures.gridServer();
        Map<String, Secret> user = new HashMap<>(Fixtures.gridSecrets());
        user.put("hostcert", Fixtures.secret("hostcert", Map.of(
                "tls.crt", "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydA==\n-----END CERTIFICATE-----\n",
                "tls.key", Fixtures.resource("hostkey.pem"))));
        Problem bad = assertInstanceOf(Problem.class, CredentialsRenderer.render(ts, user, "wharf-data"));
        assertEquals(CredentialsResult.INVALID_CREDENTIAL, bad.reason());
        assertTrue(bad.message().startsWith("Secret hostcert (authentication.hostCredentialSecret) key tls.crt holds a malformed certificate"),
                bad.message());

        user.put("hostcert", Fixtures.secret("hostcert", Map.of("tls.crt", Fixtures.resource("hostcert.pem"), "tls.key", "secret")));
        Problem key = assertInstanceOf(Problem.class, CredentialsRenderer.render(ts, user, "wharf-data"));
        assertEquals("Secret hostcert (authentication.hostCredentialSecret) key tls.key holds no PEM private key", key.message());
    }

    @Test
    void gsiDoorsNeedAHostCredential() {
        TransferServer ts = Fixtures.gridServer();
        ts.getSpec().authentication = new Authentication();
        Problem p = assertInstanceOf(Problem.class, CredentialsRenderer.render(ts, Map.of(), "wharf-data"));
        assertEquals(CredentialsResult.CREDENTIAL_REQUIRED, p.reason());

        ts.getSpec().doors = new Doors().with(DoorType.FTP, Door.auto());
        Ready empty = assertInstanceOf(Ready.class, CredentialsRenderer.render(ts, Map.of(), "wharf-data"));
        assertEquals(1, empty.secrets().size());
        assertTrue(empty.secrets().get(0).getData().isEmpty());
    }
}
