package dev.wharf.server.ftp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14 §4: pipelined commands (two lines in one write, as lftp and {@code globus-url-copy -pp} send them)
 * get their replies in command order. Every pair of verbs of the command table is sent both ways: first one
 * line at a time (the reference: each reply read before the next line goes out), then, from the same state,
 * both lines in one write, several times; the reply codes must be the same list. Before login the login gate
 * answers most verbs; after it the commands run. The race this guards against (an inline command's reply
 * overtaking one made on the session's executor) lost the order in up to half of the tries of some pairs.
 */
class ReplyOrderTest {

    /** Verbs that end the session or upgrade it to TLS (AUTH pipelining is refused on purpose), or change the login the pairs run in. */
    static final Set<String> NOT_PAIRED = Set.of("QUIT", "AUTH", "USER", "PASS");
    /** Verbs that would start a transfer and wait for a data connection after PASV/EPSV. */
    static final Set<String> TRANSFERS = Set.of("RETR", "STOR", "APPE", "STOU", "LIST", "NLST", "MLSD");
    static final int TRIES = Integer.getInteger("wharf.reply-order.tries", 3);

    @TempDir Path tmp;

    @Test
    void pipelinedPairsAreAnsweredInCommandOrder() throws Exception {
        try (FtpTestServer server = FtpTestServer.start(tmp, Map.of());
             RawFtp before = new RawFtp(server.port());
             RawFtp after = new RawFtp(server.port())) {
            Files.writeString(server.root().resolve("f"), "data");
            Files.createDirectories(server.root().resolve("sub/sub")); // MKD sub fails wherever CWD left us
            Map<String, String> args = arguments(closedPort());
            List<String> verbs = FtpCommands.standard().all().stream().map(CommandSpec::verb)
                    .filter(v -> !NOT_PAIRED.contains(v)).sorted().toList();
            RawFtp.expect(220, before.reply());
            after.login();
            List<String> wrong = new ArrayList<>();
            for (String a : verbs) {
                for (String b : verbs) {
                    String first = line(a, args);
                    String second = line(b, args);
                    wrong.addAll(check(before, "before login", first, second, false));
                    if (!(Set.of("PASV", "EPSV").contains(a) && TRANSFERS.contains(b))) {
                        wrong.addAll(check(after, "after login", first, second, true));
                    }
                }
            }
            assertTrue(wrong.isEmpty(), wrong.size() + " pipelined pairs answered out of order, e.g. "
                    + wrong.subList(0, Math.min(10, wrong.size())));
        }
    }

    private static List<String> check(RawFtp ftp, String phase, String first, String second, boolean loggedIn) throws IOException {
        reset(ftp, loggedIn);
        List<Integer> expected = new ArrayList<>(codes(ftp, first));
        expected.addAll(codes(ftp, second));
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < TRIES; i++) {
            reset(ftp, loggedIn);
            ftp.sendRaw((first + "\r\n" + second + "\r\n").getBytes(StandardCharsets.UTF_8));
            List<Integer> got = new ArrayList<>(finalReply(ftp));
            got.addAll(finalReply(ftp));
            if (!got.equals(expected)) {
                wrong.add(phase + " [" + first + " | " + second + "] " + got + " instead of " + expected);
            }
        }
        return wrong;
    }

    /** Back to the same state before each pair: no data connection arranged, at the root. */
    private static void reset(RawFtp ftp, boolean loggedIn) throws IOException {
        if (loggedIn) {
            RawFtp.expect(226, ftp.command("ABOR"));
            RawFtp.expect(250, ftp.command("CWD /"));
            RawFtp.expect(200, ftp.command("TYPE I"));
        }
    }

    private static List<Integer> codes(RawFtp ftp, String line) throws IOException {
        ftp.send(line);
        return finalReply(ftp);
    }

    /** The codes of one command's replies: any 1xx marks, then its final reply. */
    private static List<Integer> finalReply(RawFtp ftp) throws IOException {
        List<Integer> codes = new ArrayList<>();
        while (true) {
            int code = ftp.code();
            codes.add(code);
            if (code < 100 || code >= 200) {
                return codes;
            }
        }
    }

    private static String line(String verb, Map<String, String> args) {
        String arg = args.get(verb);
        return arg == null ? verb : verb + " " + arg;
    }

    /** Arguments that leave storage as it was whatever order runs them (failing mutations, existing names). */
    private static Map<String, String> arguments(int closedPort) {
        String port = "127,0,0,1," + (closedPort / 256) + "," + (closedPort % 256);
        return Map.ofEntries(Map.entry("CWD", "sub"), Map.entry("XCWD", "sub"), Map.entry("TYPE", "A"),
                Map.entry("MODE", "S"), Map.entry("STRU", "F"), Map.entry("REST", "0"), Map.entry("ALLO", "10"),
                Map.entry("PORT", port), Map.entry("EPRT", "|1|127.0.0.1|" + closedPort + "|"),
                Map.entry("RETR", "f"), Map.entry("STOR", "sub"), Map.entry("APPE", "sub"), Map.entry("STOU", "sub"),
                Map.entry("MLST", "f"), Map.entry("SIZE", "f"), Map.entry("MDTM", "f"), Map.entry("DELE", "missing"),
                Map.entry("MKD", "sub"), Map.entry("XMKD", "sub"), Map.entry("RMD", "missing"),
                Map.entry("XRMD", "missing"), Map.entry("RNFR", "missing"), Map.entry("RNTO", "other"),
                Map.entry("OPTS", "UTF8 ON"), Map.entry("SITE", "HELP"), Map.entry("PBSZ", "0"), Map.entry("PROT", "C"),
                Map.entry("HELP", "NOOP"));
    }

    /** A loopback port nothing listens on: active transfers to it fail at once with 425. */
    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
