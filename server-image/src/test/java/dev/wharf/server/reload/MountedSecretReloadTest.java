package dev.wharf.server.reload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.server.auth.PasswordFileLoginService;
import dev.wharf.server.auth.PasswordHash;
import dev.wharf.server.config.ConfigFile;
import dev.wharf.server.gsi.TestPki;
import dev.wharf.server.gsi.TrustAnchorDirectory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The files the operator mounts as whole Secret volumes (docs/operator.md: they leave the config hash, so a
 * change never restarts a pod) are picked up by the running server when the kubelet swaps the volume's
 * {@code ..data} link: the password file at the next login, the trust anchors (a new CRL) at the next check.
 */
class MountedSecretReloadTest {

    private static final InetAddress CLIENT = new InetSocketAddress("127.0.0.1", 0).getAddress();

    @TempDir
    Path tmp;

    @Test
    void aUserAddedToTheMountedPasswordFileLogsInWithoutARestart() throws Exception {
        Path home = Files.createDirectory(tmp.resolve("home"));
        String alice = "alice:" + PasswordHash.sha512Crypt("alice-pw") + ":1000:1000::" + home + ":/sbin/nologin\n";
        ProjectedVolume credentials = new ProjectedVolume(tmp.resolve("credentials"), Map.of("passwd", bytes(alice)));
        PasswordFileLoginService logins = PasswordFileLoginService.fromConfig(ConfigFile.of(
                Map.of("auth.password-file", credentials.file("passwd").toString())));
        assertTrue(logins.login("alice", "alice-pw", CLIENT).success());
        assertFalse(logins.login("bob", "bob-pw", CLIENT).success());

        credentials.update(Map.of("passwd", bytes(alice + "bob:" + PasswordHash.sha512Crypt("bob-pw") + ":1001:1001::" + home
                + ":/sbin/nologin\n")));
        assertTrue(logins.login("bob", "bob-pw", CLIENT).success(), "the new user, without a restart");
        assertTrue(logins.login("alice", "alice-pw", CLIENT).success());
    }

    @Test
    void aNewCrlInTheMountedTrustAnchorsIsUsedWithoutARestart() throws Exception {
        TestPki pki = TestPki.create(tmp.resolve("pki"));
        ProjectedVolume anchors = new ProjectedVolume(tmp.resolve("certificates"), filesOf(pki.certDir()));
        AtomicLong now = new AtomicLong(1_000_000);
        Clock clock = new Clock() {
            @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
            @Override public Clock withZone(java.time.ZoneId zone) { return this; }
            @Override public Instant instant() { return Instant.ofEpochMilli(now.get()); }
        };
        TrustAnchorDirectory dir = new TrustAnchorDirectory(anchors.dir(), clock, 1000);
        assertEquals(1, dir.current().allCas().size());
        assertTrue(dir.current().crlsIssuedBy(pki.ca().cert().getSubjectX500Principal()).isEmpty());

        pki.revoke(pki.user().cert());
        anchors.update(filesOf(pki.certDir()));
        now.addAndGet(1000);
        assertEquals(1, dir.current().crlsIssuedBy(pki.ca().cert().getSubjectX500Principal()).size(),
                "the CRL published through the volume is in force");
        assertTrue(dir.current().crlsIssuedBy(pki.ca().cert().getSubjectX500Principal()).get(0).isRevoked(pki.user().cert()));
    }

    private static Map<String, byte[]> filesOf(Path dir) throws Exception {
        Map<String, byte[]> files = new HashMap<>();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path p : list.toList()) {
                files.put(p.getFileName().toString(), Files.readAllBytes(p));
            }
        }
        return files;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
