package dev.wharf.server.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.wharf.server.gsi.ExternalProgram;
import dev.wharf.server.gsi.GlobusClient;
import dev.wharf.server.gsi.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@link GlobusGridFtpServer} harness itself: the reference server starts on a kernel-chosen port,
 * globus-url-copy copies to and from it over ftp:// (anonymous) and gsiftp:// (a grid-proxy-init proxy
 * of the test PKI, host credential and grid-mapfile from the harness), and close() leaves no process.
 */
@Tag("interop")
class GlobusGridFtpServerInteropTest {

    @TempDir
    Path tmp;

    @Test
    void servesFtpAndGsiftpAndStopsCleanly() throws Exception {
        TestPki pki = TestPki.create(tmp.resolve("certificates"));
        Map<String, String> env = GlobusClient.gridProxyInit(pki, pki.user(), tmp.resolve("client")).env();
        byte[] content = new byte[1024 * 1024 + 3];
        new Random(9).nextBytes(content);
        Path source = tmp.resolve("source.bin");
        Files.write(source, content);

        GlobusGridFtpServer server = GlobusGridFtpServer.start(tmp.resolve("globus"), pki);
        ProcessHandle listener;
        try {
            Path viaFtp = tmp.resolve("via-ftp.bin");
            ExternalProgram.run(env, tmp, "globus-url-copy", server.url("ftp", source), "file://" + viaFtp)
                    .requireSuccess("ftp:// download from globus-gridftp-server");
            assertArrayEquals(content, Files.readAllBytes(viaFtp));
            Path uploaded = tmp.resolve("uploaded.bin");
            ExternalProgram.run(env, tmp, "globus-url-copy", "file://" + viaFtp, server.url("gsiftp", uploaded))
                    .requireSuccess("gsiftp:// upload to globus-gridftp-server:\n" + server.log());
            assertArrayEquals(content, Files.readAllBytes(uploaded));
            Path viaGsi = tmp.resolve("via-gsiftp.bin");
            ExternalProgram.run(env, tmp, "globus-url-copy", "-p", "4", server.url("gsiftp", uploaded), "file://" + viaGsi)
                    .requireSuccess("gsiftp:// -p 4 download from globus-gridftp-server:\n" + server.log());
            assertArrayEquals(content, Files.readAllBytes(viaGsi));
            listener = server.process();
        } finally {
            server.close();
        }
        assertFalse(listener.isAlive(), "globus-gridftp-server still running after close()");
    }
}
