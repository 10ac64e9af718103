package dev.wharf.server.gsi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.server.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustAnchorDirectoryTest {

    @TempDir
    Path tmp;

    @Test
    void loadsCaPolicyAndCrlByHash() throws Exception {
        TestPki pki = TestPki.create(tmp.resolve("certs"));
        pki.revoke(pki.user().cert());
        Files.writeString(pki.certDir().resolve("README"), "ignored");
        TrustStore store = new TrustAnchorDirectory(pki.certDir()).current();
        assertEquals(1, store.allCas().size());
        assertEquals(pki.ca().cert(), store.casWithSubject(pki.ca().cert().getSubjectX500Principal()).get(0));
        assertTrue(store.signingPolicyFor(pki.ca().cert().getSubjectX500Principal()).orElseThrow()
                .permits(TestPki.CA_DN, TestPki.USER_DN));
        assertTrue(store.crlsIssuedBy(pki.ca().cert().getSubjectX500Principal()).get(0).isRevoked(pki.user().cert()));
        assertTrue(store.problems().isEmpty());
    }

    @Test
    void reloadsWhenAFileChangesButOnlyAfterTheCheckInterval() throws Exception {
        TestPki pki = TestPki.create(tmp.resolve("certs"));
        AtomicLong now = new AtomicLong(1_000_000);
        Clock clock = new Clock() {
            @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
            @Override public Clock withZone(java.time.ZoneId zone) { return this; }
            @Override public Instant instant() { return Instant.ofEpochMilli(now.get()); }
        };
        TrustAnchorDirectory dir = new TrustAnchorDirectory(pki.certDir(), clock, 1000);
        assertTrue(dir.current().crlsIssuedBy(pki.ca().cert().getSubjectX500Principal()).isEmpty());
        pki.revoke(pki.user().cert());
        Files.setLastModifiedTime(pki.certDir().resolve(pki.caHash() + ".r0"), FileTime.fromMillis(now.get()));
        assertTrue(dir.current().crlsIssuedBy(pki.ca().cert().getSubjectX500Principal()).isEmpty(), "checked too early");
        now.addAndGet(1000);
        assertEquals(1, dir.current().crlsIssuedBy(pki.ca().cert().getSubjectX500Principal()).size());
    }

    @Test
    void skipsUnreadableFilesAndReportsThem() throws Exception {
        TestPki pki = TestPki.create(tmp.resolve("certs"));
        Files.writeString(pki.certDir().resolve("0badbad0.0"), "not a certificate");
        Files.writeString(pki.certDir().resolve("0badbad0.signing_policy"), "pos_rights globus CA:sign\n");
        TrustStore store = new TrustAnchorDirectory(pki.certDir()).current();
        assertEquals(1, store.allCas().size());
        assertEquals(2, store.problems().size());
        assertTrue(store.problems().get(1).endsWith("0badbad0.signing_policy:1: pos_rights before any access_id_CA"),
                store.problems().toString());
    }

    @Test
    void aFifoAmongTheAnchorsIsSkippedNotOpened() throws Exception {
        TestPki pki = TestPki.create(tmp.resolve("certs"));
        Path fifo = pki.certDir().resolve("0f1f0f1f.0");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor());
        TrustStore store = assertTimeoutPreemptively(java.time.Duration.ofSeconds(20),
                () -> new TrustAnchorDirectory(pki.certDir()).current());
        assertEquals(1, store.allCas().size());
        assertTrue(store.problems().get(0).contains("0f1f0f1f.0: not a regular file"), store.problems().toString());
    }

    @Test
    void refusesAMissingDirectory() {
        assertThrows(ConfigException.class, () -> new TrustAnchorDirectory(tmp.resolve("nope")));
    }
}
