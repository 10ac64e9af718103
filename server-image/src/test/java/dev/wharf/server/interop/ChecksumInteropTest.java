package dev.wharf.server.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.Adler32;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real clients sending CKSM and HASH to the whole server: gfal2 (the library behind {@code gfal-sum}; Debian
 * ships its Python binding, not the gfal-sum script) on the plain FTP door, anonymously as gfal2's ftp://
 * plugin logs in; lftp's {@code quote} on the plain FTP door; curl's {@code -Q} on the implicit-TLS door.
 */
@Tag("interop")
class ChecksumInteropTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    static Path dir;
    @RegisterExtension
    static final SeededInteropServer server = new SeededInteropServer(() -> dir, 3 * 1024 * 1024 + 7);

    private static Programs.Result lftp(String commands) {
        String open = "set cmd:fail-exit yes; set net:max-retries 1; set net:timeout 20; set ftp:ssl-allow no; "
                + "open -u " + InteropServer.USER + "," + InteropServer.PASSWORD + " -p " + server.ftpPort() + " 127.0.0.1; ";
        return Programs.run(TIMEOUT, dir.resolve("client"), "lftp", "-c", open + commands);
    }

    @Test
    void lftpQuoteCksmAndHashOnThePlainDoor() throws Exception {
        byte[] payload = server.payload();
        Adler32 adler = new Adler32();
        adler.update(payload);
        Programs.Result cksm = lftp("quote CKSM ADLER32 0 -1 /payload.bin; quote CKSM MD5 100 1000 /payload.bin");
        assertEquals(0, cksm.exitCode(), cksm.describe());
        assertTrue(cksm.stdout().contains(String.format("213 %08x", adler.getValue())), cksm.describe());
        assertTrue(cksm.stdout().contains("213 " + hex("MD5", Arrays.copyOfRange(payload, 100, 1100))), cksm.describe());

        Programs.Result hash = lftp("quote OPTS HASH SHA-1; quote HASH payload.bin");
        assertEquals(0, hash.exitCode(), hash.describe());
        assertTrue(hash.stdout().contains("213 SHA-1 0-" + (payload.length - 1) + " " + hex("SHA-1", payload)
                + " payload.bin"), hash.describe());
    }

    @Test
    void curlQuoteHashOnTheTlsDoor() throws Exception {
        Programs.Result result = Programs.run(TIMEOUT, dir.resolve("client"), "curl", "-sS", "-v", "--max-time", "50",
                "--insecure", "-u", server.credentials(), "-Q", "HASH /runs/a.txt", "-Q", "CKSM CRC32 0 -1 /runs/a.txt",
                "-o", "/dev/null", "ftps://127.0.0.1:" + server.ftpsPort() + "/runs/a.txt");
        assertEquals(0, result.exitCode(), result.describe());
        assertTrue(result.stderr().contains("< 213 SHA-256 0-5 " + hex("SHA-256", "alpha\n".getBytes()) + " /runs/a.txt"),
                result.describe());
        CRC32 crc = new CRC32();
        crc.update("alpha\n".getBytes());
        assertTrue(result.stderr().contains(String.format("< 213 %08x", crc.getValue())), result.describe());
    }

    /** issue 18: {@code gfal-sum ftp://…} got "500 Command not understood" from the FTP door. */
    @Test
    void gfal2ChecksumsOverFtpAsGfalSumAsksForThem() throws Exception {
        byte[] content = Arrays.copyOf(server.payload(), 1_234_567);
        Files.write(server.anonymousRoot().resolve("public.bin"), content);
        String url = "ftp://127.0.0.1:" + server.ftpPort() + "/public.bin";
        Programs.Result result = Programs.run(TIMEOUT, dir.resolve("client"), "/usr/bin/python3", "-c",
                "import gfal2, sys\n"
                        + "ctx = gfal2.creat_context()\n"
                        + "for alg in ('ADLER32', 'MD5', 'CRC32'):\n"
                        + "    print(alg, ctx.checksum(sys.argv[1], alg))\n", url);
        assertEquals(0, result.exitCode(), result.describe());
        Adler32 adler = new Adler32();
        adler.update(content);
        CRC32 crc = new CRC32();
        crc.update(content);
        assertEquals(List.of(String.format("ADLER32 %08x", adler.getValue()), "MD5 " + hex("MD5", content),
                String.format("CRC32 %08x", crc.getValue())), result.stdout().lines().toList(), result.describe());
    }

    private static String hex(String algorithm, byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
    }
}
