package dev.wharf.server.acl;

import dev.wharf.server.acl.AclMatrix.Who;
import dev.wharf.server.dcap.ShortPorts;
import dev.wharf.server.krb.KrbSettings;
import dev.wharf.server.krb.TestKdc;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link AclDoorMatrixTest}'s decision table with the two Kerberos doors as columns beside the others: the
 * Kerberos principals of {@link AclMatrix} (one per role, their principals in the lab's ACL and groups) log in
 * through krbftp (the JDK's Kerberos initiator, every command ENC-wrapped) and krbdcap (the same conversation
 * inside libgssTunnel's framing) with tickets from a real MIT KDC. Interop layer: it needs the KDC; the other
 * doors' columns run in the default layer too.
 */
@Tag("interop")
class KrbAclDoorMatrixInteropTest {

    @TempDir
    static Path dir;
    @RegisterExtension
    @Order(1)
    static final TestKdc kdc = new TestKdc(() -> dir);
    @RegisterExtension
    @Order(2)
    static final AclDoors.Shared DOORS = new AclDoors.Shared();

    static final Map<Who, Path> tickets = new HashMap<>();

    @BeforeAll
    static void principals() throws Exception {
        for (Who who : AclMatrix.kerberosPrincipals()) {
            String user = who.identity().localAccount();
            kdc.addUser(user, user + "-pw");
            Path cache = dir.resolve(user + ".cc");
            kdc.kinit(user, user + "-pw", cache);
            tickets.put(who, cache);
        }
        DOORS.get().startKerberos(new KrbSettings(kdc.keytab(), Optional.of(TestKdc.FTP_PRINCIPAL), Optional.empty(),
                Optional.of(kdc.krb5Conf())), ShortPorts.free());
    }

    @Test
    void theKerberosDoorsGiveTheTablesDecisionsLikeEveryOtherDoor() throws Exception {
        AclDoors doors = DOORS.get();
        List<AclDoors.Door> all = new ArrayList<>(doors.doors());
        all.addAll(doors.kerberosDoors(tickets::get));
        AclDoorMatrixTest.assertDecisions(doors, all);
    }
}
