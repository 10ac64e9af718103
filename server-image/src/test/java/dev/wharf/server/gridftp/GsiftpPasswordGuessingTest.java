package dev.wharf.server.gridftp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.server.ftp.RawFtp;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gsiftp door's USER/PASS, when passwords are allowed, is slowed down and cut off like the FTP door's. */
class GsiftpPasswordGuessingTest {

    @TempDir Path tmp;

    @Test
    void wrongPasswordsAreHeldBackAndTheSessionIsClosed() throws Exception {
        try (GridFtpTestServer server = new GridFtpTestServer(tmp, pki -> {}, null, Map.of("gridftp.allow-passwords", "true",
                "auth.failure-delay-ms", "300", "auth.max-failures", "2"));
             RawFtp guesser = new RawFtp(server.port())) {
            RawFtp.expect(220, guesser.reply());
            RawFtp.expect(331, guesser.command("USER " + GridFtpTestServer.PASSWORD_USER));
            long start = System.nanoTime();
            RawFtp.expect(530, guesser.command("PASS wrong"));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis >= 300, millis + " ms");
            RawFtp.expect(331, guesser.command("USER " + GridFtpTestServer.PASSWORD_USER));
            RawFtp.expect(530, guesser.command("PASS wrong again"));
            assertTrue(guesser.closedByServer(), "closed after auth.max-failures");
        }
    }
}
