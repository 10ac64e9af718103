package dev.wharf.operator.reconcile.validate;

import dev.wharf.operator.api.CredentialStatus;
import dev.wharf.operator.api.TransferServerSpec;
import io.fabric8.kubernetes.api.model.Secret;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * When the certificates a server uses stop being valid: every certificate of its TLS, host-credential and
 * trust-anchor Secrets with its notAfter (for status), and a finding for each that expires within
 * {@link #WARNING} or has expired. Time passes by itself, so this is reported, never acted on: no pod is
 * removed or restarted because a certificate expired. Pure.
 */
public final class CredentialExpiry {

    public static final String EXPIRING = "CertificateExpiring";
    public static final String EXPIRED = "CertificateExpired";
    /** How long before notAfter the condition and event appear: time to renew without a rush. */
    public static final Duration WARNING = Duration.ofDays(14);

    private CredentialExpiry() {
    }

    public record Report(List<CredentialStatus> credentials, List<Finding> findings) {
    }

    public static Report of(TransferServerSpec spec, Map<String, Secret> secrets, Instant now) {
        List<CredentialStatus> credentials = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        for (SecretNeed need : SecretNeed.of(spec)) {
            Secret secret = secrets.get(need.secret());
            if (secret == null || (need.content() != SecretNeed.Content.TLS && need.content() != SecretNeed.Content.TRUST_ANCHORS)) {
                continue;
            }
            decode(secret).forEach((key, pem) -> {
                boolean certificate = need.content() == SecretNeed.Content.TLS ? "tls.crt".equals(key)
                        : SecretCheck.ANCHOR_FILE.matcher(key).find();
                if (certificate) {
                    for (X509Certificate cert : PemCheck.parsed(pem)) {
                        String subject = cert.getSubjectX500Principal().getName();
                        Instant notAfter = cert.getNotAfter().toInstant();
                        credentials.add(new CredentialStatus(need.secret(), key, subject, notAfter.toString()));
                        finding(need, key, subject, notAfter, now).ifPresent(findings::add);
                    }
                }
            });
        }
        return new Report(credentials, findings);
    }

    private static java.util.Optional<Finding> finding(SecretNeed need, String key, String subject, Instant notAfter, Instant now) {
        String where = "Secret " + need.secret() + " (" + need.field() + ") key " + key + ": the certificate of " + subject;
        if (!notAfter.isAfter(now)) {
            return java.util.Optional.of(new Finding(EXPIRED, where + " expired on " + notAfter
                    + "; clients refuse it: put a renewed certificate into the Secret (the server keeps running)"));
        }
        if (notAfter.isBefore(now.plus(WARNING))) {
            long days = Duration.between(now, notAfter).toDays();
            return java.util.Optional.of(new Finding(EXPIRING, where + " expires on " + notAfter + " (in " + days
                    + " days); put a renewed certificate into the Secret before then"));
        }
        return java.util.Optional.empty();
    }

    private static Map<String, byte[]> decode(Secret secret) {
        Map<String, byte[]> decoded = new TreeMap<>();
        if (secret.getData() != null) {
            secret.getData().forEach((k, v) -> decoded.put(k, Base64.getMimeDecoder().decode(v)));
        }
        return decoded;
    }
}
