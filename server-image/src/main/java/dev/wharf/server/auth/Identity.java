package dev.wharf.server.auth;

import java.util.Objects;
import java.util.Set;

/**
 * Who a session acts as. The principal is what access control keys on: an X.509 DN in OpenSSL slash
 * form for certificate users, the Kerberos principal ({@code alice@EXAMPLE.ORG}) for Kerberos users, the
 * user name for password-file users, {@code anonymous} for anonymous FTP and unauthenticated dCap.
 * Files on disk all belong to the server's own UID; this decides.
 *
 * @param principal the grid identity, never blank
 * @param method how the identity was proven
 * @param groups group names for {@code @group} ACL entries (from the groups file), possibly empty
 * @param localAccount the mapped local account (grid-mapfile, Kerberos principal map or password file), or null
 */
public record Identity(String principal, Method method, Set<String> groups, String localAccount) {

    public static final String ANONYMOUS_PRINCIPAL = "anonymous";

    public enum Method { PASSWORD, ANONYMOUS, X509, GSI, KERBEROS }

    public Identity {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(method, "method");
        if (principal.isBlank()) {
            throw new IllegalArgumentException("blank principal");
        }
        groups = Set.copyOf(groups);
    }

    public static Identity anonymous() {
        return new Identity(ANONYMOUS_PRINCIPAL, Method.ANONYMOUS, Set.of(), null);
    }

    public static Identity passwordUser(String name, Set<String> groups) {
        return new Identity(name, Method.PASSWORD, groups, name);
    }

    public boolean isAnonymous() {
        return method == Method.ANONYMOUS;
    }
}
