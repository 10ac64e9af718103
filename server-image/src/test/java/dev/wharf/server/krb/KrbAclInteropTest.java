package dev.wharf.server.krb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.server.gsi.ExternalProgram;
import dev.wharf.server.krbftp.Rfc2228Client;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * On both Kerberos doors the ACL principal is the Kerberos principal, not the mapped account: in
 * {@code /lab} the ACL grants {@code write alice@WHARF.TEST} and {@code admin} to the account name
 * {@code alice}; in {@code /locked} it denies {@code alice@WHARF.TEST} while still granting the account name.
 * alice writes into /lab and is refused in /locked, through krbftp (MIT GSS client) and krbdcap (dccp). With a
 * principal map, a listed principal (carol/admin) logs in as its account and no other.
 */
@Tag("interop")
class KrbAclInteropTest {

    @TempDir
    static Path dir;
    @RegisterExtension
    @Order(1)
    static final TestKdc kdc = new TestKdc(() -> dir);
    @RegisterExtension
    @Order(2)
    static final KerberizedServer server = new KerberizedServer(() -> dir, () -> kdc,
            Map.of("krbdcap.port", shortPort())).withPrincipalMap("# operators\ncarol/admin@WHARF.TEST operators\n");

    static Path alice;
    static Rfc2228Client client;

    /** A free port libdcap can reach (below 32768). */
    static String shortPort() {
        try {
            return String.valueOf(dev.wharf.server.dcap.ShortPorts.free());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeAll
    static void tree() throws Exception {
        alice = dir.resolve("alice.cc");
        kdc.kinit(TestKdc.ALICE, TestKdc.ALICE_PASSWORD, alice);
        Path lab = Files.createDirectories(server.root().resolve("lab"));
        Files.writeString(lab.resolve(".grid-acl"), "write alice@WHARF.TEST\n");
        Path locked = Files.createDirectories(server.root().resolve("locked"));
        Files.writeString(locked.resolve(".grid-acl"), "none alice@WHARF.TEST\nadmin alice\n");
        Files.writeString(dir.resolve("up.txt"), "from alice\n");
        client = new Rfc2228Client(kdc, dir);
    }

    static ExternalProgram ftp(String... ops) throws Exception {
        return client.run(alice, server.port("krbftp"), "C", ops);
    }

    static ExternalProgram dccp(String source, String target) throws Exception {
        return ExternalProgram.run(kdc.clientEnv(alice), dir, Duration.ofSeconds(60), "dccp", "-A", source, target);
    }

    @Test
    void krbftpDecidesByThePrincipal() throws Exception {
        ExternalProgram lab = ftp("user", "alice", "put", dir.resolve("up.txt").toString(), "/lab/ftp.txt");
        assertEquals(0, lab.exitCode(), lab.stdout() + lab.stderr());
        assertTrue(Files.exists(server.root().resolve("lab/ftp.txt")));

        ExternalProgram locked = ftp("user", "alice", "put", dir.resolve("up.txt").toString(), "/locked/ftp.txt");
        assertEquals(2, locked.exitCode(), locked.stdout() + locked.stderr());
        assertTrue(locked.stdout().contains("550 "), locked.stdout());
        assertFalse(Files.exists(server.root().resolve("locked/ftp.txt")));
    }

    @Test
    void aListedPrincipalLogsInAsItsAccountAndNoOther() throws Exception {
        Path carol = dir.resolve("carol.cc");
        kdc.kinit(TestKdc.CAROL_ADMIN, TestKdc.CAROL_PASSWORD, carol);
        ExternalProgram mapped = client.run(carol, server.port("krbftp"), "C", "user", "operators");
        assertEquals(0, mapped.exitCode(), mapped.stdout() + mapped.stderr());
        assertTrue(mapped.stdout().contains("232 User carol/admin@WHARF.TEST logged in as operators"), mapped.stdout());
        ExternalProgram other = client.run(carol, server.port("krbftp"), "C", "user", "alice");
        assertTrue(other.stdout().contains("530 Login refused: carol/admin@WHARF.TEST may not log in as 'alice'"),
                other.stdout());
    }

    @Test
    void krbdcapDecidesByThePrincipal() throws Exception {
        dccp(dir.resolve("up.txt").toString(), server.dcapUrl("/lab/dcap.txt")).requireSuccess("dccp into /lab");
        assertTrue(Files.exists(server.root().resolve("lab/dcap.txt")));

        ExternalProgram locked = dccp(dir.resolve("up.txt").toString(), server.dcapUrl("/locked/dcap.txt"));
        assertNotEquals(0, locked.exitCode(), locked.stdout() + locked.stderr());
        assertFalse(Files.exists(server.root().resolve("locked/dcap.txt")));
    }
}
