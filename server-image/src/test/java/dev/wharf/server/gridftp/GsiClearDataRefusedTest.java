package dev.wharf.server.gridftp;

import static dev.wharf.server.ftp.RawFtp.expect;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 14 §3 on the gsiftp door: with DCAU A (the default) and PROT C, S or P, a plain data connection that
 * sends clear bytes instead of the GSI/TLS handshake, before the STOR or after its 150, is refused with 425
 * and nothing is stored; in MODE E, clear blocks (a whole upload with its EOD and EOF) are refused alike.
 */
class GsiClearDataRefusedTest {

    static final int TRIES = 6;
    static final byte[] CLEAR = "clear text that must never become a file\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    static Path tmp;
    static GridFtpTestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = new GridFtpTestServer(tmp);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"C", "S", "P"})
    void clearBytesInsteadOfTheHandshakeAreNeverStored(String prot) throws Exception {
        List<String> kept = new ArrayList<>();
        try (GsiFtpControl c = GsiFtpControl.login(server.port(), server.pki().user(), server.gsi().validator())) {
            expect(200, c.command("TYPE I"));
            expect(200, c.command("PBSZ 1048576"));
            expect(200, c.command("PROT " + prot));
            for (int i = 0; i < TRIES; i++) {
                for (boolean beforeStor : new boolean[] {true, false}) {
                    String name = "clear-" + prot + "-" + i + "-" + beforeStor + ".txt";
                    String reply;
                    try (Socket data = c.passive()) {
                        if (beforeStor) {
                            sendClear(data);
                        }
                        expect(150, c.command("STOR " + name));
                        if (!beforeStor) {
                            sendClear(data);
                        }
                        reply = c.reply();
                    }
                    if (!reply.startsWith("425") && !reply.startsWith("426") || Files.exists(server.root().resolve(name))) {
                        kept.add(name + ": " + reply);
                    }
                }
            }
            expect(200, c.command("NOOP"));
        }
        assertTrue(kept.isEmpty(), "clear data accepted where DCAU/PROT " + prot + " was asked for: " + kept);
    }

    @org.junit.jupiter.api.Test
    void clearModeEBlocksInsteadOfTheHandshakeAreNeverStored() throws Exception {
        try (GsiFtpControl c = GsiFtpControl.login(server.port(), server.pki().user(), server.gsi().validator())) {
            expect(200, c.command("TYPE I"));
            expect(200, c.command("MODE E"));
            for (int i = 0; i < TRIES; i++) {
                String name = "clear-modee-" + i + ".bin";
                String reply;
                try (Socket data = c.passive()) {
                    java.io.DataOutputStream out = new java.io.DataOutputStream(data.getOutputStream());
                    out.writeByte(0); // one block of CLEAR at offset 0, then EOD + EOF announcing one stream
                    out.writeLong(CLEAR.length);
                    out.writeLong(0);
                    out.write(CLEAR);
                    out.writeByte(0x48);
                    out.writeLong(0);
                    out.writeLong(1);
                    out.flush();
                    String started = c.command("STOR " + name);
                    reply = started.startsWith("1") ? c.reply() : started;
                }
                assertTrue(reply.startsWith("4") && !Files.exists(server.root().resolve(name)), name + ": " + reply);
            }
            expect(200, c.command("NOOP"));
        }
    }

    private static void sendClear(Socket data) throws java.io.IOException {
        OutputStream out = data.getOutputStream();
        out.write(CLEAR);
        out.flush();
        data.shutdownOutput();
    }
}
