package dev.wharf.operator.render.secrets;

import dev.wharf.operator.api.Authentication;
import dev.wharf.operator.api.DoorType;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The credential each door cannot start without: the GSI host credential for gsiftp, gsidcap and srm (the
 * server's GSI acceptor), the Kerberos block for krbftp and krbdcap (the keytab). A spec that opens such a
 * door without it is refused here, with a message naming the doors and the field, rather than rendered
 * into a pod the server would refuse to start in.
 */
final class DoorCredentials {

    private DoorCredentials() {
    }

    /** What the enabled {@code doors} lack in {@code auth}, or empty. */
    static Optional<String> missing(Set<DoorType> doors, Authentication auth) {
        if (auth.hostCredentialSecret == null && doors.stream().anyMatch(DoorType::needsHostCredential)) {
            return Optional.of(names(doors, DoorType::needsHostCredential) + " need authentication.hostCredentialSecret"
                    + " (a kubernetes.io/tls Secret with the GSI host certificate and key)");
        }
        if ((auth.kerberos == null || auth.kerberos.keytabSecret == null) && doors.stream().anyMatch(DoorType::isKerberos)) {
            return Optional.of(names(doors, DoorType::isKerberos) + " need authentication.kerberos"
                    + " (keytabSecret: a Secret holding the service keytab; principalMap and krb5Conf as your realm needs)");
        }
        return Optional.empty();
    }

    private static String names(Set<DoorType> doors, Predicate<DoorType> which) {
        return "the door(s) " + doors.stream().filter(which).map(DoorType::specName).collect(Collectors.joining(", "));
    }
}
