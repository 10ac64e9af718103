package dev.wharf.server.srm.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.server.gsi.ExternalProgram;
import dev.wharf.server.gsi.TestPki;
import dev.wharf.server.srm.SrmTestServer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * gfal-copy through the SRM door's transfer calls (docs/srm.md, "Transfer requests"): file:// → srm://
 * (srmPrepareToPut, the upload through the gsiftp TURL, srmPutDone) and srm:// → file://
 * (srmPrepareToGet, the download, srmReleaseFiles), 256 MiB compared byte for byte.
 */
@Tag("interop")
class SrmGfalCopyInteropTest {

    static final long SIZE = 256L << 20;

    @TempDir
    static Path tmp;
    static SrmTestServer server;
    /** A second Wharf with its data connections on 127.0.0.2: the far end of third-party copies. */
    static SrmTestServer other;

    @BeforeAll
    static void start() throws Exception {
        server = SrmTestServer.start(tmp.resolve("a"), Map.of("gridftp.enabled", "true", "gridftp.port", "0"));
        other = SrmTestServer.start(tmp.resolve("b"), server.pki(), Map.of("gridftp.enabled", "true", "gridftp.port", "0",
                "data.interface", "127.0.0.2"));
    }

    @AfterAll
    static void stop() {
        other.close();
        server.close();
    }

    static void randomFile(Path file, long size, long seed) throws IOException {
        Random random = new Random(seed);
        byte[] block = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long left = size; left > 0; left -= block.length) {
                random.nextBytes(block);
                out.write(block, 0, (int) Math.min(left, block.length));
            }
        }
    }

    static void succeeded(ExternalProgram r) {
        assertEquals(0, r.exitCode(), r.stdout() + r.stderr());
    }

    @Test
    void uploadAndDownloadOf256MiBAreByteForByte() throws Exception {
        Path local = tmp.resolve("big.bin");
        randomFile(local, SIZE, 20);
        Files.createDirectories(server.root().resolve("up"));
        succeeded(server.gfal("copy", "file://" + local, server.surl("/up/big.bin")));
        Path stored = server.root().resolve("up/big.bin");
        assertEquals(-1, Files.mismatch(local, stored), "the uploaded file differs");
        Path back = tmp.resolve("back.bin");
        succeeded(server.gfal("copy", server.surl("/up/big.bin"), "file://" + back));
        assertEquals(-1, Files.mismatch(local, back), "the downloaded file differs");
        // gfal2 ended both requests (srmPutDone, srmReleaseFiles): none is left open on the server
        Object counts = server.server().context().status().snapshot().get("srm-requests");
        assertTrue(counts.toString().contains("open=0") && !counts.toString().contains("held=0"), String.valueOf(counts));
        Files.delete(back);
        Files.delete(local);
    }

    @Test
    void thirdPartyCopyBetweenTwoWharvesGoesThroughTheirTurls() throws Exception {
        Path source = server.root().resolve("tp.bin");
        randomFile(source, 8L << 20, 21);
        ExternalProgram r = server.gfal("copy", "-vv", server.surl("/tp.bin"), other.surl("/tp.bin"));
        succeeded(r);
        assertEquals(-1, Files.mismatch(source, other.root().resolve("tp.bin")), "the copied file differs");
        String log = r.stdout() + r.stderr();
        // each TURL names its door's control address; the second server's data connections are on 127.0.0.2
        assertTrue(log.contains("=> gsiftp://127.0.0.1:" + server.port("gridftp") + "/tp.bin")
                && log.contains("=> gsiftp://127.0.0.1:" + other.port("gridftp") + "/tp.bin"),
                "gfal2 resolved each SURL to its server's gsiftp TURL:\n" + log);
        assertTrue(log.contains("GSIFTP\tTRANSFER:ENTER") && !log.contains("COPY:LOCAL"),
                "the bytes went server to server (GridFTP third party), not through gfal-copy:\n" + log);
    }

    @Test
    void aCopyTheAclForbidsFailsCleanlyAndTheDoorServesOn() throws Exception {
        Path closed = Files.createDirectories(server.root().resolve("closed"));   // may list and read, not write
        Files.writeString(closed.resolve(".grid-acl"), "list \"" + TestPki.USER_DN + "\"\n");
        Path secret = Files.createDirectories(server.root().resolve("secret"));   // nothing
        Files.writeString(secret.resolve("c.txt"), "c");
        Files.writeString(secret.resolve(".grid-acl"), "none \"" + TestPki.USER_DN + "\"\n");
        Path local = tmp.resolve("acl.txt");
        Files.writeString(local, "refused");
        ExternalProgram put = server.gfal("copy", "file://" + local, server.surl("/closed/new.txt"));
        assertTrue(put.exitCode() != 0 && put.stderr().contains("Permission denied"), put.stdout() + put.stderr());
        assertTrue(Files.notExists(closed.resolve("new.txt")));
        ExternalProgram get = server.gfal("copy", server.surl("/secret/c.txt"), "file://" + tmp.resolve("c.txt"));
        assertTrue(get.exitCode() != 0 && get.stderr().contains("Permission denied"), get.stdout() + get.stderr());
        succeeded(server.gfal("copy", "-f", "file://" + local, server.surl("/served.txt")));
        assertEquals("refused", Files.readString(server.root().resolve("served.txt")));
    }

    @Test
    void anExistingTargetIsRefusedUnlessForced() throws Exception {
        Path local = tmp.resolve("small.txt");
        Files.writeString(local, "first");
        succeeded(server.gfal("copy", "file://" + local, server.surl("/small.txt")));
        ExternalProgram again = server.gfal("copy", "file://" + local, server.surl("/small.txt"));
        assertTrue(again.exitCode() != 0, again.stdout() + again.stderr());
        assertTrue((again.stdout() + again.stderr()).toLowerCase().contains("exist"), again.stdout() + again.stderr());
        Files.writeString(local, "second");
        succeeded(server.gfal("copy", "-f", "file://" + local, server.surl("/small.txt")));
        assertEquals("second", Files.readString(server.root().resolve("small.txt")));
    }
}
