package dev.wharf.server.gridftp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.server.gsi.ExternalProgram;
import dev.wharf.server.gsi.GlobusClient;
import dev.wharf.server.gsi.TestPki;
import dev.wharf.server.interop.GlobusGridFtpServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Third-party copies with the real globus-url-copy: Wharf to Wharf, Wharf to globus-gridftp-server and
 * back, over gsiftp:// (-nodcau) and ftp:// (password sessions). The second Wharf and the reference server put their data
 * connections on other loopback addresses (127.0.0.2, 127.0.0.3) than the client's 127.0.0.1, so the
 * source's PORT names a host that is not its control peer and the destination's passive listener is
 * reached from an address that is not its client's: the bounce and port-stealing rules must let GSI
 * sessions (and password sessions with ftp.allow-third-party) through. Every file byte-identical.
 */
@Tag("interop")
class GridFtpThirdPartyInteropTest {

    @TempDir
    static Path tmp;
    static GridFtpTestServer wharfA;
    static GridFtpTestServer wharfB;
    static GridFtpTestServer wharfPasswords;
    static GlobusGridFtpServer globus;
    static Path globusRoot;
    static Map<String, String> env;

    @BeforeAll
    static void start() throws Exception {
        wharfA = new GridFtpTestServer(tmp.resolve("a"));
        TestPki pki = wharfA.pki();
        wharfB = new GridFtpTestServer(tmp.resolve("b"), pki, Map.of("data.interface", "127.0.0.2"));
        wharfPasswords = new GridFtpTestServer(tmp.resolve("c"), pki, Map.of("gridftp.allow-passwords", "true",
                "ftp.allow-third-party", "true", "data.interface", "127.0.0.2"));
        globus = GlobusGridFtpServer.startOn(tmp.resolve("globus"), pki, "127.0.0.3");
        globusRoot = Files.createDirectories(tmp.resolve("globus-root"));
        env = GlobusClient.gridProxyInit(pki, pki.user(), tmp.resolve("client")).env();
    }

    @AfterAll
    static void stop() throws Exception {
        if (globus != null) {
            globus.close();
        }
        wharfPasswords.close();
        wharfB.close();
        wharfA.close();
    }

    private static ExternalProgram copy(String from, String to, String... options) throws Exception {
        List<String> command = new ArrayList<>(List.of("globus-url-copy", "-dbg", "-vb"));
        command.addAll(List.of(options));
        command.addAll(List.of(from, to));
        ExternalProgram result;
        try {
            result = ExternalProgram.run(env, tmp, command.toArray(String[]::new));
        } catch (AssertionError timeout) {
            throw new AssertionError(timeout.getMessage() + "\n--- globus-gridftp-server log\n" + globus.log(), timeout);
        }
        if (result.exitCode() != 0) {
            throw new AssertionError("third-party copy " + from + " -> " + to + " failed (" + result.exitCode() + "):\n"
                    + result.stdout() + result.stderr() + "\n--- globus-gridftp-server log\n" + globus.log());
        }
        return result;
    }

    private static String gsiftp(GridFtpTestServer server, String name) {
        return "gsiftp://127.0.0.1:" + server.port() + "/" + name;
    }


    @Test
    void wharfToWharfBothWays() throws Exception {
        byte[] bytes = GridFtpTestServer.randomFile(wharfA.root().resolve("ab.bin"), 4 * 1024 * 1024 + 5, 1);
        copy(gsiftp(wharfA, "ab.bin"), gsiftp(wharfB, "ab.bin"), "-nodcau");
        assertArrayEquals(bytes, Files.readAllBytes(wharfB.root().resolve("ab.bin")));
        copy(gsiftp(wharfB, "ab.bin"), gsiftp(wharfA, "ba.bin"), "-nodcau");
        assertArrayEquals(bytes, Files.readAllBytes(wharfA.root().resolve("ba.bin")));
    }

    @Test
    void wharfToGlobusAndBackOverGsiftp() throws Exception {
        byte[] bytes = GridFtpTestServer.randomFile(wharfA.root().resolve("wg.bin"), 3 * 1024 * 1024 + 11, 2);
        Path atGlobus = globusRoot.resolve("wg.bin");
        // the client compares the two servers' CKSM replies as strings: Wharf must print them as Globus does
        String log = copy(gsiftp(wharfA, "wg.bin"), globus.url("gsiftp", atGlobus), "-nodcau", "-verify-checksum",
                "-checksum-alg", "ADLER32").stderr();
        assertTrue(log.contains("CKSM ADLER32 0 -1 /wg.bin") && log.contains("CKSM ADLER32 0 -1 " + atGlobus), log);
        assertArrayEquals(bytes, Files.readAllBytes(atGlobus));
        copy(globus.url("gsiftp", atGlobus), gsiftp(wharfA, "gw.bin"), "-nodcau", "-p", "4", "-verify-checksum");
        assertArrayEquals(bytes, Files.readAllBytes(wharfA.root().resolve("gw.bin")));
    }

    @Test
    void wharfToGlobusAndBackOverFtp() throws Exception {
        // ftp:// = USER/PASS in clear on the gsiftp door (gridftp.allow-passwords): its MODE E, no GSI
        byte[] bytes = GridFtpTestServer.randomFile(wharfPasswords.root().resolve("wf.bin"), 2 * 1024 * 1024 + 7, 3);
        String wharf = "ftp://" + GridFtpTestServer.PASSWORD_USER + ":" + GridFtpTestServer.PASSWORD + "@127.0.0.1:"
                + wharfPasswords.port();
        Path atGlobus = globusRoot.resolve("wf.bin");
        copy(wharf + "/wf.bin", globus.url("ftp", atGlobus));
        assertArrayEquals(bytes, Files.readAllBytes(atGlobus));
        copy(globus.url("ftp", atGlobus), wharf + "/fw.bin");
        assertArrayEquals(bytes, Files.readAllBytes(wharfPasswords.root().resolve("fw.bin")));
        // Wharf to Wharf without GSI: two password sessions of the same server, one the source, one the sink
        copy(wharf + "/fw.bin", wharf + "/ww.bin");
        assertArrayEquals(bytes, Files.readAllBytes(wharfPasswords.root().resolve("ww.bin")));
    }

    @Test
    void withDcauWharfToWharfAndToGlobusAndBack() throws Exception {
        // globus-url-copy's default, DCAU A: each server authenticates its data connections with the proxy
        // the client delegated to it, the connecting (source) side as the GSS initiator
        byte[] bytes = GridFtpTestServer.randomFile(wharfA.root().resolve("dcau.bin"), 3 * 1024 * 1024 + 1, 4);
        String log = copy(gsiftp(wharfA, "dcau.bin"), gsiftp(wharfB, "dcau.bin")).stderr();
        assertTrue(log.contains("PBSZ 1048576") && !log.contains("DCAU N"), "DCAU was not in force:\n" + log);
        assertArrayEquals(bytes, Files.readAllBytes(wharfB.root().resolve("dcau.bin")));
        Path atGlobus = globusRoot.resolve("dcau.bin");
        copy(gsiftp(wharfB, "dcau.bin"), globus.url("gsiftp", atGlobus), "-p", "4");
        assertArrayEquals(bytes, Files.readAllBytes(atGlobus));
        copy(globus.url("gsiftp", atGlobus), gsiftp(wharfA, "dcau-back.bin"));
        assertArrayEquals(bytes, Files.readAllBytes(wharfA.root().resolve("dcau-back.bin")));
    }
}
