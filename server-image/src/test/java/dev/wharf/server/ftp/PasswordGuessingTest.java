package dev.wharf.server.ftp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Password guessing is slowed down (each 530 held back longer), a session is closed after
 * auth.max-failures wrong passwords, and an address over auth.address-failures is refused unchecked;
 * other sessions are answered meanwhile (the delay is scheduled, no thread sleeps). Counted in metrics.
 */
class PasswordGuessingTest {

    @TempDir Path tmp;

    static long millisFor(RawFtp ftp, String line, int expectedCode) throws Exception {
        long start = System.nanoTime();
        String reply = ftp.command(line);
        RawFtp.expect(expectedCode, reply);
        return (System.nanoTime() - start) / 1_000_000;
    }

    @Test
    void wrongPasswordsAreAnsweredSlowerEachTimeThenTheSessionIsClosed() throws Exception {
        try (FtpTestServer server = FtpTestServer.start(tmp, Map.of("auth.failure-delay-ms", "200",
                "auth.failure-delay-max-ms", "2000", "auth.max-failures", "3"));
             RawFtp guesser = new RawFtp(server.port())) {
            guesser.reply();
            guesser.command("USER alice");
            long first = millisFor(guesser, "PASS guess1", 530);
            guesser.command("USER alice");
            long second = millisFor(guesser, "PASS guess2", 530);
            assertTrue(first >= 200, first + " ms");
            assertTrue(second >= 400, second + " ms");
            guesser.command("USER alice");
            guesser.send("PASS guess3");
            // pipelined behind the failure: its reply must not overtake the held-back 530
            guesser.send("NOOP");
            RawFtp.expect(530, guesser.reply());
            assertTrue(guesser.closedByServer(), "closed after the third failure");
            assertEquals(3, server.metrics().get("login:ftp:failure"));
            assertEquals(3, server.metrics().get("throttled:ftp:delayed"));
            assertEquals(1, server.metrics().get("throttled:ftp:disconnected"));
        }
    }

    @Test
    void anotherSessionIsServedWhileAFailureIsHeldBack() throws Exception {
        try (FtpTestServer server = FtpTestServer.start(tmp, Map.of("auth.failure-delay-ms", "3000"));
             RawFtp guesser = new RawFtp(server.port());
             RawFtp user = new RawFtp(server.port())) {
            guesser.reply();
            guesser.command("USER alice");
            guesser.send("PASS wrong");
            long start = System.nanoTime();
            user.login();
            RawFtp.expect(257, user.command("PWD"));
            assertTrue((System.nanoTime() - start) / 1_000_000 < 3000, "served while the 530 was held back");
            RawFtp.expect(530, guesser.reply());
        }
    }

    @Test
    void anAddressOverItsBudgetIsRefusedWithoutAPasswordCheck() throws Exception {
        try (FtpTestServer server = FtpTestServer.start(tmp, Map.of("auth.failure-delay-ms", "0",
                "auth.address-failures", "4", "auth.max-failures", "2"))) {
            for (int session = 0; session < 2; session++) {
                try (RawFtp guesser = new RawFtp(server.port())) {
                    guesser.reply();
                    for (int i = 0; i < 2; i++) {
                        guesser.command("USER alice");
                        RawFtp.expect(530, guesser.command("PASS wrong"));
                    }
                    assertTrue(guesser.closedByServer());
                }
            }
            try (RawFtp rightPassword = new RawFtp(server.port())) {
                rightPassword.reply();
                rightPassword.command("USER alice");
                RawFtp.expect(421, rightPassword.command("PASS " + FtpTestServer.PASSWORD));
                assertTrue(rightPassword.closedByServer());
            }
            assertEquals(1, server.metrics().get("throttled:ftp:address-budget"));
        }
    }
}
