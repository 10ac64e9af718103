package dev.wharf.operator.render.secrets;

import dev.wharf.operator.api.Authentication;
import dev.wharf.operator.api.DoorType;
import dev.wharf.operator.api.Kerberos;
import dev.wharf.operator.api.SecretKeyRef;
import dev.wharf.operator.api.TransferServer;
import dev.wharf.operator.api.TransferServerSpec;
import dev.wharf.operator.render.Layout;
import dev.wharf.operator.render.ObjectNames;
import dev.wharf.operator.render.secrets.CredentialsResult.Problem;
import dev.wharf.operator.render.secrets.CredentialsResult.Ready;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Copies the credentials a TransferServer references from its own namespace into the data-plane
 * namespace (pods cannot mount Secrets of another namespace), under the fixed file names of
 * {@link Layout}. Checks what it copies: missing Secrets or keys, certificates that do not parse and keys
 * that are not PEM become a {@link Problem} with a message the user can act on.
 */
public final class CredentialsRenderer {

    private CredentialsRenderer() {
    }

    /**
     * @param ts          the TransferServer
     * @param userSecrets Secrets of the TransferServer's namespace, by name (at least those it references)
     * @param namespace   the data-plane namespace
     */
    public static CredentialsResult render(TransferServer ts, Map<String, Secret> userSecrets, String namespace) {
        TransferServerSpec spec = ts.getSpec();
        Authentication auth = spec.authentication != null ? spec.authentication : new Authentication();
        Set<DoorType> doors = spec.doors.enabled().keySet();
        var missing = DoorCredentials.missing(doors, auth);
        if (missing.isPresent()) {
            return new Problem(CredentialsResult.CREDENTIAL_REQUIRED, missing.get());
        }
        Map<String, String> data = new TreeMap<>();
        try {
            if (auth.passwordFile != null) {
                data.put(Layout.PASSWD, key(userSecrets, auth.passwordFile, Layout.PASSWD, "authentication.passwordFile"));
            }
            if (auth.tlsSecret != null) {
                copyKeyPair(userSecrets, auth.tlsSecret.name, "authentication.tlsSecret", data, Layout.TLS_CERT, Layout.TLS_KEY);
            }
            if (auth.hostCredentialSecret != null) {
                copyKeyPair(userSecrets, auth.hostCredentialSecret.name, "authentication.hostCredentialSecret", data,
                        Layout.HOST_CERT, Layout.HOST_KEY);
            }
            if (auth.gridMapfile != null) {
                data.put(Layout.GRID_MAPFILE, key(userSecrets, auth.gridMapfile, Layout.GRID_MAPFILE, "authentication.gridMapfile"));
            }
            if (auth.kerberos != null && auth.kerberos.keytabSecret != null) {
                kerberos(userSecrets, auth.kerberos, data);
            }
        } catch (ProblemException e) {
            return e.problem;
        }
        List<Secret> secrets = new ArrayList<>();
        secrets.add(secret(ts, ObjectNames.credentials(ts), namespace, data));
        if (auth.trustAnchorsSecret != null) {
            Secret anchors = userSecrets.get(auth.trustAnchorsSecret.name);
            if (anchors == null) {
                return missing(auth.trustAnchorsSecret.name, "authentication.trustAnchorsSecret");
            }
            if (anchors.getData() == null || anchors.getData().isEmpty()) {
                return new Problem(CredentialsResult.SECRET_KEY_MISSING, "Secret " + anchors.getMetadata().getName()
                        + " (authentication.trustAnchorsSecret) is empty; it should hold the CA files (HASH.0, HASH.signing_policy)");
            }
            secrets.add(secret(ts, ObjectNames.trustAnchors(ts), namespace, new TreeMap<>(anchors.getData())));
        }
        return new Ready(secrets);
    }

    /** The keytab, and the principal map and krb5.conf when given, under their fixed file names. */
    private static void kerberos(Map<String, Secret> userSecrets, Kerberos krb, Map<String, String> data) {
        String field = "authentication.kerberos.";
        data.put(Layout.KEYTAB, key(userSecrets, krb.keytabSecret, Kerberos.KEYTAB_KEY, field + "keytabSecret"));
        if (krb.principalMap != null) {
            data.put(Layout.PRINCIPAL_MAP, key(userSecrets, krb.principalMap, Kerberos.PRINCIPAL_MAP_KEY, field + "principalMap"));
        }
        if (krb.krb5Conf != null) {
            data.put(Layout.KRB5_CONF, key(userSecrets, krb.krb5Conf, Kerberos.KRB5_CONF_KEY, field + "krb5Conf"));
        }
    }

    private static void copyKeyPair(Map<String, Secret> userSecrets, String name, String field, Map<String, String> data,
            String certFile, String keyFile) {
        String cert = key(userSecrets, new SecretKeyRef(name, "tls.crt"), "tls.crt", field);
        String key = key(userSecrets, new SecretKeyRef(name, "tls.key"), "tls.key", field);
        String certProblem = CredentialCheck.certificateProblem(cert);
        if (certProblem != null) {
            throw new ProblemException(new Problem(CredentialsResult.INVALID_CREDENTIAL,
                    "Secret " + name + " (" + field + ") key tls.crt " + certProblem));
        }
        String keyProblem = CredentialCheck.privateKeyProblem(key);
        if (keyProblem != null) {
            throw new ProblemException(new Problem(CredentialsResult.INVALID_CREDENTIAL,
                    "Secret " + name + " (" + field + ") key tls.key " + keyProblem));
        }
        data.put(certFile, cert);
        data.put(keyFile, key);
    }

    private static String key(Map<String, Secret> userSecrets, SecretKeyRef ref, String defaultKey, String field) {
        Secret secret = userSecrets.get(ref.name);
        if (secret == null) {
            throw new ProblemException(missing(ref.name, field));
        }
        String key = ref.keyOr(defaultKey);
        String value = secret.getData() == null ? null : secret.getData().get(key);
        if (value == null) {
            throw new ProblemException(new Problem(CredentialsResult.SECRET_KEY_MISSING,
                    "Secret " + ref.name + " (" + field + ") has no key '" + key + "'"));
        }
        return value;
    }

    private static Problem missing(String name, String field) {
        return new Problem(CredentialsResult.SECRET_MISSING, "Secret " + name + " (" + field
                + ") does not exist in the TransferServer's namespace");
    }

    private static Secret secret(TransferServer ts, String name, String namespace, Map<String, String> data) {
        return new SecretBuilder()
                .withMetadata(ObjectNames.metadata(ts, name, namespace))
                .withType("Opaque")
                .withData(data)
                .build();
    }

    /** Carries a Problem out of the nested lookups; never leaves this class. */
    private static final class ProblemException extends RuntimeException {
        final Problem problem;

        ProblemException(Problem problem) {
            super(problem.message(), null, false, false);
            this.problem = problem;
        }
    }
}
