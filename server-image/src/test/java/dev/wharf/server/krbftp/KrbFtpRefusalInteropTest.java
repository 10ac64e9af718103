package dev.wharf.server.krbftp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.server.gsi.ExternalProgram;
import dev.wharf.server.krb.KerberizedServer;
import dev.wharf.server.krb.TestKdc;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.slf4j.LoggerFactory;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the krbftp door refuses, each with a clear reply and exactly one warning in the log, and the next client
 * served right after: a principal
 * the map does not list (530), a client whose clock is off by ten minutes (faketime; 535 clock skew), an
 * expired ticket (the MIT library will not even use it, and without a Kerberos login USER is 530), a replayed
 * AP-REQ (535 replay), a ticket for a key the server no longer has after the KDC rotated it (535), which a
 * re-exported keytab then fixes without a restart. curl 7.88.1 completes the exchange (it decodes the 235
 * ADAT= reply) though it can send nothing protected afterwards.
 */
@Tag("interop")
class KrbFtpRefusalInteropTest {

    @TempDir
    static Path dir;
    @RegisterExtension
    @Order(1)
    static final TestKdc kdc = new TestKdc(() -> dir);
    @RegisterExtension
    @Order(2)
    static final KerberizedServer server = new KerberizedServer(() -> dir, () -> kdc, Map.of());

    static Rfc2228Client client;
    static final AtomicInteger caches = new AtomicInteger();

    final ListAppender<ILoggingEvent> log = new ListAppender<>();
    final Logger krbftpLog = (Logger) LoggerFactory.getLogger("dev.wharf.server.krbftp");

    @BeforeEach
    void captureLog() {
        log.start();
        krbftpLog.addAppender(log);
    }

    @AfterEach
    void releaseLog() {
        krbftpLog.detachAppender(log);
    }

    /** Exactly one warning of the door names the refusal. */
    void loggedOnce(String cause) {
        List<String> lines = log.list.stream().filter(e -> e.getLevel() == Level.WARN)
                .map(ILoggingEvent::getFormattedMessage).filter(m -> m.contains(cause)).toList();
        assertEquals(1, lines.size(), "log lines naming '" + cause + "': " + lines);
    }

    @BeforeAll
    static void tools() throws Exception {
        client = new Rfc2228Client(kdc, dir);
    }

    /** A fresh credential cache for {@code user}: no service ticket from earlier tests. */
    static Path ticket(String user, String password) throws Exception {
        Path cache = dir.resolve("cc-" + caches.incrementAndGet());
        kdc.kinit(user, password, cache);
        return cache;
    }

    static String out(ExternalProgram run) {
        return run.stdout() + run.stderr();
    }

    void nextClientIsServed() throws Exception {
        ExternalProgram ok = client.run(ticket(TestKdc.ALICE, TestKdc.ALICE_PASSWORD), server.port("krbftp"), "C",
                "user", "alice");
        assertEquals(0, ok.exitCode(), out(ok));
        assertTrue(ok.stdout().contains("232 "), out(ok));
    }

    @Test
    void aPrincipalNotInTheMapGets530() throws Exception {
        ExternalProgram carol = client.run(ticket(TestKdc.CAROL_ADMIN, TestKdc.CAROL_PASSWORD), server.port("krbftp"),
                "C", "user", "carol");
        assertTrue(carol.stdout().contains("530 Login refused: carol/admin@WHARF.TEST is not in the principal map"),
                out(carol));
        assertEquals(2, carol.exitCode(), out(carol));
        loggedOnce("carol/admin@WHARF.TEST is not in the principal map");
        nextClientIsServed();
    }

    @Test
    void aClientClockTenMinutesAheadGets535ClockSkew() throws Exception {
        Path cache = ticket(TestKdc.ALICE, TestKdc.ALICE_PASSWORD);
        kdc.run(null, kdc.clientEnv(cache), "kvno", TestKdc.FTP_PRINCIPAL); // the service ticket, at the real time
        ExternalProgram skewed = client.run(cache, "+10m", server.port("krbftp"), "C", "user", "alice");
        assertTrue(skewed.stdout().contains("535 Authentication failed: clock skew too great"), out(skewed));
        assertEquals(3, skewed.exitCode(), out(skewed));
        loggedOnce("refused: clock skew too great");
        nextClientIsServed();
    }

    @Test
    void anExpiredTicketGetsNoLogin() throws Exception {
        Path cache = ticket(TestKdc.ALICE, TestKdc.ALICE_PASSWORD);
        ExternalProgram expired = client.run(cache, "+2h", server.port("krbftp"), "C", "user", "alice");
        assertEquals(3, expired.exitCode(), out(expired));
        assertTrue(expired.stdout().toLowerCase().contains("expired"), out(expired));
        List<String> replies = raw(List.of("USER alice"));
        assertTrue(replies.get(1).startsWith("530 "), replies.toString());
        loggedOnce("sent USER without a Kerberos login");
        nextClientIsServed();
    }

    @Test
    void aReplayedAuthenticatorGets535() throws Exception {
        ExternalProgram first = client.run(ticket(TestKdc.ALICE, TestKdc.ALICE_PASSWORD), server.port("krbftp"), "C",
                "adat-only");
        assertEquals(0, first.exitCode(), out(first));
        String adat = first.stdout().lines().filter(l -> l.startsWith("ADAT ")).findFirst().orElseThrow();
        List<String> replies = raw(List.of("AUTH GSSAPI", adat));
        assertTrue(replies.get(2).startsWith("535 Authentication failed: replayed authenticator"), replies.toString());
        loggedOnce("refused: replayed authenticator");
        nextClientIsServed();
    }

    @Test
    void aTicketForARotatedKeyGets535UntilTheKeytabIsReExported() throws Exception {
        kdc.kadmin("cpw -randkey ftp/localhost");
        try {
            ExternalProgram stale = client.run(ticket(TestKdc.ALICE, TestKdc.ALICE_PASSWORD), server.port("krbftp"), "C",
                    "user", "alice");
            assertTrue(stale.stdout().contains("535 Authentication failed: ticket not encrypted with this server's key"),
                    out(stale));
            loggedOnce("refused: ticket not encrypted with this server's key");
        } finally {
            kdc.kadmin("ktadd -k " + kdc.keytab() + " ftp/localhost"); // the server reads the keytab on every login
        }
        nextClientIsServed();
    }

    @Test
    void curlCompletesTheKerberosExchange() throws Exception {
        Path cache = ticket(TestKdc.ALICE, TestKdc.ALICE_PASSWORD);
        ExternalProgram curl = ExternalProgram.run(kdc.clientEnv(cache), dir, Duration.ofSeconds(30), "curl", "-4", "-v",
                "--max-time", "4", "--krb", "clear", server.url("/"));
        assertTrue(curl.stderr().contains("< 235 ADAT="), curl.stderr());
        assertTrue(curl.stderr().contains("Authentication successful"), curl.stderr());
        nextClientIsServed();
    }

    /** The replies to {@code commands} sent in clear, the greeting first. */
    static List<String> raw(List<String> commands) throws Exception {
        try (Socket s = new Socket("127.0.0.1", server.port("krbftp"))) {
            s.setSoTimeout(10_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            Writer w = new OutputStreamWriter(s.getOutputStream(), StandardCharsets.UTF_8);
            List<String> replies = new java.util.ArrayList<>();
            replies.add(in.readLine());
            for (String command : commands) {
                w.write(command + "\r\n");
                w.flush();
                replies.add(in.readLine());
            }
            return replies;
        }
    }
}
