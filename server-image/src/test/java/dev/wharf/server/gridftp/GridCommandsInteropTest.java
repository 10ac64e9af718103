package dev.wharf.server.gridftp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.server.gsi.ExternalProgram;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real globus-url-copy driving CKSM, SBUF and ALLO on the gsiftp door: checksum verification of
 * downloads and uploads (the client compares its own digest of the local file with the door's CKSM
 * reply, so a wrong value fails the copy), -sync-level 3 and -tcp-bs.
 */
@Tag("interop")
class GridCommandsInteropTest {

    @TempDir
    static Path tmp;
    @RegisterExtension
    static final GsiftpDoorWithUserProxy gsiftp = new GsiftpDoorWithUserProxy(() -> tmp);

    private static ExternalProgram copy(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("-nodcau"));
        command.addAll(List.of(args));
        return gsiftp.globusUrlCopy(command);
    }


    @Test
    void verifyChecksumOfADownloadAndAnUpload() throws Exception {
        byte[] content = GridFtpTestServer.randomFile(gsiftp.root().resolve("cksum-src.bin"), 5 * 1024 * 1024 + 3, 21);
        Path local = tmp.resolve("cksum-down.bin");
        ExternalProgram down = copy("-verify-checksum", gsiftp.url("cksum-src.bin"), "file://" + local)
                .requireSuccess("globus-url-copy -verify-checksum download");
        assertTrue(down.stderr().contains("CKSM MD5 0 -1 /cksum-src.bin"), down.stderr());
        assertArrayEquals(content, Files.readAllBytes(local));

        ExternalProgram up = copy("-verify-checksum", "-checksum-alg", "MD5", "file://" + local, gsiftp.url("cksum-up.bin"))
                .requireSuccess("globus-url-copy -verify-checksum upload");
        assertTrue(up.stderr().contains("CKSM MD5 0 -1 /cksum-up.bin"), up.stderr());
        assertTrue(up.stderr().contains("ALLO " + content.length), up.stderr());
        assertArrayEquals(content, Files.readAllBytes(gsiftp.root().resolve("cksum-up.bin")));
    }

    @Test
    void syncLevelThreeComparesChecksumsAndTcpBufferSizeUsesSbuf() throws Exception {
        byte[] content = GridFtpTestServer.randomFile(gsiftp.root().resolve("sync-src.bin"), 1024 * 1024 + 9, 22);
        Path local = tmp.resolve("sync-dst.bin");
        ExternalProgram first = copy("-sync", "-sync-level", "3", "-tcp-bs", "1048576", gsiftp.url("sync-src.bin"),
                "file://" + local).requireSuccess("globus-url-copy -sync (missing destination)");
        assertTrue(first.stderr().contains("SBUF 1048576"), first.stderr());
        assertArrayEquals(content, Files.readAllBytes(local));
        ExternalProgram second = copy("-sync", "-sync-level", "3", gsiftp.url("sync-src.bin"), "file://" + local)
                .requireSuccess("globus-url-copy -sync (same content)");
        assertTrue(second.stderr().contains("CKSM MD5 0 -1 /sync-src.bin"), second.stderr());
        assertFalse(second.stderr().contains("RETR "), "equal checksums, yet the file was copied again:\n"
                + second.stderr());
        // a changed source: the checksums differ and the file is copied
        byte[] changed = GridFtpTestServer.randomFile(gsiftp.root().resolve("sync-src.bin"), 1024 * 1024 + 9, 23);
        ExternalProgram third = copy("-sync", "-sync-level", "3", gsiftp.url("sync-src.bin"), "file://" + local)
                .requireSuccess("globus-url-copy -sync (changed content)");
        assertTrue(third.stderr().contains("RETR /sync-src.bin"), third.stderr());
        assertArrayEquals(changed, Files.readAllBytes(local));
    }
}
