package dev.wharf.operator.reconcile.validate;

import dev.wharf.operator.api.TransferServerSpec;
import dev.wharf.operator.render.secrets.CredentialsResult;
import io.fabric8.kubernetes.api.model.Secret;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Checks of the referenced Secrets that the credentials renderer leaves out, run after it accepted
 * them: certificates must parse (expiry is reported, never refused: {@link CredentialExpiry}), keys
 * must not be encrypted (the server cannot ask for a passphrase), and every CA certificate in the trust-anchors Secret must parse (the renderer copies that Secret as is).
 * Pure.
 */
public final class SecretCheck {

    /** Trust-anchor files holding certificates: OpenSSL hash links (1a2b3c4d.0) or *.pem / *.crt. */
    static final Pattern ANCHOR_FILE = Pattern.compile("^[0-9a-f]{8}\\.[0-9]+$|\\.(pem|crt)$");

    private SecretCheck() {
    }

    public static List<Finding> check(TransferServerSpec spec, Map<String, Secret> secrets) {
        List<Finding> findings = new ArrayList<>();
        for (SecretNeed need : SecretNeed.of(spec)) {
            Secret secret = secrets.get(need.secret());
            if (secret == null) {
                continue;
            }
            String where = "Secret " + need.secret() + " (" + need.field() + ")";
            Map<String, byte[]> data = decode(secret);
            switch (need.content()) {
                case TLS -> {
                    certificates(where, "tls.crt", data.get("tls.crt"), findings);
                    key(where, data.get("tls.key"), findings);
                }
                case TRUST_ANCHORS -> trustAnchors(where, data, findings);
                case KEYTAB -> keytab(where, need.key(), data.get(need.key()), findings);
                case NON_EMPTY -> { }
            }
        }
        return findings;
    }

    private static void trustAnchors(String where, Map<String, byte[]> data, List<Finding> findings) {
        boolean any = false;
        for (Map.Entry<String, byte[]> file : data.entrySet()) {
            if (ANCHOR_FILE.matcher(file.getKey()).find()) {
                any = true;
                certificates(where, file.getKey(), file.getValue(), findings);
            }
        }
        if (!any) {
            findings.add(new Finding(CredentialsResult.INVALID_CREDENTIAL, where
                    + " holds no CA certificate: expected keys like 1a2b3c4d.0 or ca.pem (X509_CERT_DIR layout)"));
        }
    }

    /**
     * A keytab file starts with the format byte 0x05 and version 0x01 or 0x02 (MIT's and Heimdal's); a
     * keytab exported as text, or a krb5.conf put in by mistake, would otherwise reach the server only to
     * fail every login.
     */
    private static void keytab(String where, String key, byte[] file, List<Finding> findings) {
        if (file != null && (file.length < 2 || file[0] != 0x05 || (file[1] != 0x01 && file[1] != 0x02))) {
            findings.add(new Finding(CredentialsResult.INVALID_CREDENTIAL, where + " key " + key
                    + " is not a keytab (a keytab file starts with the bytes 0x05 0x02; make it with kadmin ktadd or ktutil)"));
        }
    }

    private static void certificates(String where, String key, byte[] pem, List<Finding> findings) {
        if (pem != null) {
            PemCheck.certificates(pem).ifPresent(problem ->
                    findings.add(new Finding(CredentialsResult.INVALID_CREDENTIAL, where + " key " + key + " " + problem)));
        }
    }

    private static void key(String where, byte[] pem, List<Finding> findings) {
        if (pem != null) {
            PemCheck.privateKey(pem).ifPresent(problem ->
                    findings.add(new Finding(CredentialsResult.INVALID_CREDENTIAL, where + " key tls.key " + problem)));
        }
    }

    private static Map<String, byte[]> decode(Secret secret) {
        Map<String, byte[]> decoded = new TreeMap<>();
        if (secret.getData() != null) {
            secret.getData().forEach((k, v) -> decoded.put(k, Base64.getMimeDecoder().decode(v)));
        }
        return decoded;
    }
}
