package dev.wharf.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.server.gsi.TestPki;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** A credential file that is a FIFO, too big or readable by others stops the start at once: one line, exit 2. */
class CredentialFileStartTest {

    @TempDir Path dir;

    private String start(String... confLines) throws Exception {
        Path conf = Files.writeString(dir.resolve("server.conf"), "admin.port = 0\nftp.port = 0\n" + String.join("\n", confLines) + "\n");
        StringWriter err = new StringWriter();
        CommandLine line = WharfCommand.commandLine(new WharfCommand());
        line.setErr(new PrintWriter(err));
        int exit = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> line.execute("-c", conf.toString()));
        assertEquals(2, exit, err.toString());
        assertEquals(1, err.toString().lines().count(), err.toString());
        return err.toString();
    }

    private Path fifo(String name) throws Exception {
        Path fifo = dir.resolve(name);
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor());
        return fifo;
    }

    @Test
    void aTlsKeyThatIsAFifoDoesNotHangTheStart() throws Exception {
        TestPki pki = TestPki.create(dir.resolve("pki"));
        TestPki.writePem(pki.host(), dir.resolve("cert.pem"), dir.resolve("unused-key.pem"));
        Path key = fifo("key.pem");
        String err = start("tls.certificate = " + dir.resolve("cert.pem"), "tls.key = " + key);
        assertTrue(err.contains("tls.key = " + key + ": not a regular file"), err);
    }

    @Test
    void aTlsKeyOthersCanReadIsRefused() throws Exception {
        TestPki pki = TestPki.create(dir.resolve("pki"));
        Path key = dir.resolve("key.pem");
        TestPki.writePem(pki.host(), dir.resolve("cert.pem"), key);
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
        String err = start("tls.certificate = " + dir.resolve("cert.pem"), "tls.key = " + key);
        assertTrue(err.contains("tls.key = " + key + ": a private key must be readable by its owner only"), err);
    }

    @Test
    void aPasswordFileThatIsAFifoOrHugeIsRefused() throws Exception {
        Path fifo = fifo("passwd");
        String err = start("auth.password-file = " + fifo);
        assertTrue(err.contains("auth.password-file = " + fifo + ": not a regular file"), err);
        Path huge = dir.resolve("huge");
        try (var out = Files.newByteChannel(huge, java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE)) {
            out.position(65L << 20);
            out.write(java.nio.ByteBuffer.wrap(new byte[] {'\n'}));
        }
        err = start("auth.password-file = " + huge);
        assertTrue(err.contains("auth.password-file = " + huge + ": 68157441 bytes; at most"), err);
    }
}
