package dev.wharf.operator.reconcile.validate;

import io.fabric8.kubernetes.api.model.Secret;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** Checks one referenced Secret against what the TransferServer needs from it (pure). */
public final class SecretCheck {

    /** Trust-anchor files holding certificates: OpenSSL hash links (1a2b3c4d.0) or *.pem / *.crt. */
    private static final Pattern ANCHOR_FILE = Pattern.compile("^[0-9a-f]{8}\\.[0-9]+$|\\.(pem|crt)$");

    private SecretCheck() {
    }

    public static List<Finding> check(SecretNeed need, Secret secret, String namespace, Instant now) {
        String where = "Secret \"" + need.secret() + "\" (" + need.field() + ")";
        if (secret == null) {
            return List.of(new Finding("SecretNotFound", where + " does not exist in namespace \"" + namespace
                    + "\"; create it or fix the name"));
        }
        Map<String, byte[]> data = decode(secret);
        return switch (need.content()) {
            case NON_EMPTY -> nonEmpty(where, data, need.key());
            case TLS -> tls(where, data, now);
            case TRUST_ANCHORS -> trustAnchors(where, data, now);
        };
    }

    private static List<Finding> nonEmpty(String where, Map<String, byte[]> data, String key) {
        byte[] value = data.get(key);
        if (value == null || value.length == 0) {
            return List.of(missingKey(where, key));
        }
        return List.of();
    }

    private static List<Finding> tls(String where, Map<String, byte[]> data, Instant now) {
        List<Finding> findings = new ArrayList<>();
        for (String key : List.of("tls.crt", "tls.key")) {
            if (!data.containsKey(key)) {
                findings.add(missingKey(where, key));
            }
        }
        if (data.containsKey("tls.crt")) {
            PemCheck.certificates(data.get("tls.crt"), now).ifPresent(p -> findings.add(invalid(where, "tls.crt", p)));
        }
        if (data.containsKey("tls.key")) {
            PemCheck.privateKey(data.get("tls.key")).ifPresent(p -> findings.add(invalid(where, "tls.key", p)));
        }
        return findings;
    }

    private static List<Finding> trustAnchors(String where, Map<String, byte[]> data, Instant now) {
        List<Finding> findings = new ArrayList<>();
        boolean anyAnchor = false;
        for (Map.Entry<String, byte[]> file : data.entrySet()) {
            if (ANCHOR_FILE.matcher(file.getKey()).find()) {
                anyAnchor = true;
                Optional<String> problem = PemCheck.certificates(file.getValue(), now);
                problem.ifPresent(p -> findings.add(invalid(where, file.getKey(), p)));
            }
        }
        if (!anyAnchor) {
            findings.add(new Finding("CertificateInvalid", where
                    + " holds no CA certificate: expected keys like 1a2b3c4d.0 or ca.pem (X509_CERT_DIR layout)"));
        }
        return findings;
    }

    private static Finding missingKey(String where, String key) {
        return new Finding("SecretKeyMissing", where + " has no key \"" + key + "\" (or it is empty)");
    }

    private static Finding invalid(String where, String key, String problem) {
        return new Finding("CertificateInvalid", where + " key \"" + key + "\" " + problem);
    }

    /** The Secret's values, decoded; sorted by key so every use sees the same order. */
    public static Map<String, byte[]> decode(Secret secret) {
        Map<String, byte[]> decoded = new TreeMap<>();
        if (secret.getData() != null) {
            secret.getData().forEach((k, v) -> decoded.put(k, Base64.getMimeDecoder().decode(v)));
        }
        if (secret.getStringData() != null) {
            secret.getStringData().forEach((k, v) -> decoded.put(k, v.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        return decoded;
    }
}
