package dev.wharf.operator.reconcile.validate;

import dev.wharf.operator.api.Authentication;
import dev.wharf.operator.api.Kerberos;
import dev.wharf.operator.api.TransferServerSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * One Secret a TransferServer refers to, the spec field that names it (for messages), the key it
 * must hold ({@code null}: the whole Secret) and what the content must be.
 */
public record SecretNeed(String field, String secret, String key, Content content) {

    public enum Content {
        /** Any non-empty value (password file, grid-mapfile, authorized_keys). */
        NON_EMPTY,
        /** A kubernetes.io/tls Secret: tls.crt certificates and tls.key private key. */
        TLS,
        /** X509_CERT_DIR layout: HASH.N (or *.pem) certificate files, other files ignored. */
        TRUST_ANCHORS,
        /** A Kerberos keytab file (MIT/Heimdal binary format). */
        KEYTAB
    }

    /** Every Secret the spec refers to, in spec order. */
    public static List<SecretNeed> of(TransferServerSpec spec) {
        List<SecretNeed> needs = new ArrayList<>();
        Authentication auth = spec.authentication;
        if (auth != null) {
            if (auth.passwordFile != null) {
                needs.add(new SecretNeed("spec.authentication.passwordFile", auth.passwordFile.name,
                        auth.passwordFile.keyOr("passwd"), Content.NON_EMPTY));
            }
            if (auth.tlsSecret != null) {
                needs.add(new SecretNeed("spec.authentication.tlsSecret", auth.tlsSecret.name, null, Content.TLS));
            }
            if (auth.hostCredentialSecret != null) {
                needs.add(new SecretNeed("spec.authentication.hostCredentialSecret", auth.hostCredentialSecret.name,
                        null, Content.TLS));
            }
            if (auth.trustAnchorsSecret != null) {
                needs.add(new SecretNeed("spec.authentication.trustAnchorsSecret", auth.trustAnchorsSecret.name,
                        null, Content.TRUST_ANCHORS));
            }
            if (auth.gridMapfile != null) {
                needs.add(new SecretNeed("spec.authentication.gridMapfile", auth.gridMapfile.name,
                        auth.gridMapfile.keyOr("grid-mapfile"), Content.NON_EMPTY));
            }
            if (auth.kerberos != null) {
                kerberos(auth.kerberos, needs);
            }
        }
        if (spec.sshd != null && spec.sshd.isEnabled() && spec.sshd.authorizedKeysSecret != null) {
            needs.add(new SecretNeed("spec.sshd.authorizedKeysSecret", spec.sshd.authorizedKeysSecret.name,
                    spec.sshd.authorizedKeysSecret.keyOr("authorized_keys"), Content.NON_EMPTY));
        }
        return needs;
    }

    private static void kerberos(Kerberos krb, List<SecretNeed> needs) {
        String field = "spec.authentication.kerberos.";
        if (krb.keytabSecret != null) {
            needs.add(new SecretNeed(field + "keytabSecret", krb.keytabSecret.name, krb.keytabSecret.keyOr(Kerberos.KEYTAB_KEY),
                    Content.KEYTAB));
        }
        if (krb.principalMap != null) {
            needs.add(new SecretNeed(field + "principalMap", krb.principalMap.name,
                    krb.principalMap.keyOr(Kerberos.PRINCIPAL_MAP_KEY), Content.NON_EMPTY));
        }
        if (krb.krb5Conf != null) {
            needs.add(new SecretNeed(field + "krb5Conf", krb.krb5Conf.name, krb.krb5Conf.keyOr(Kerberos.KRB5_CONF_KEY),
                    Content.NON_EMPTY));
        }
    }
}
