package dev.wharf.server.krbftp;

import dev.wharf.server.gsi.ExternalProgram;
import dev.wharf.server.krb.TestKdc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The curl whose {@code --krb} works, which {@code bin/install-curl-krb} unpacks beside the system's curl (whose
 * Kerberos FTP does not: docs/kerberos.md). Found at {@code -Dwharf.curl-krb=PATH}, else {@code $WHARF_CURL_KRB},
 * else {@link #DEFAULT}. Missing, it fails the test that needs it: the tests tagged {@link #TAG} are switched off
 * only explicitly, with the Maven profile {@code no-curl-krb}.
 */
public final class CurlKrb {

    public static final String TAG = "curl-krb";
    public static final String PROPERTY = "wharf.curl-krb";
    public static final String ENV = "WHARF_CURL_KRB";
    public static final Path DEFAULT = Path.of("/opt/wharf/curl-krb/curl");

    private final Path curl;
    private final TestKdc kdc;
    private final Path dir;

    public CurlKrb(TestKdc kdc, Path dir) {
        this.curl = locate();
        this.kdc = kdc;
        this.dir = dir;
    }

    static Path locate() {
        String configured = System.getProperty(PROPERTY);
        if (configured == null || configured.isBlank()) {
            configured = System.getenv(ENV);
        }
        Path found = configured == null || configured.isBlank() ? DEFAULT : Path.of(configured);
        if (!Files.isExecutable(found)) {
            throw new AssertionError("no curl with working Kerberos FTP at " + found + ": run bin/install-curl-krb, set -D"
                    + PROPERTY + " or " + ENV + ", or switch these tests off with -Pno-curl-krb");
        }
        return found;
    }

    /** curl as the owner of {@code ccache}: IPv4 (loopback only), verbose, the given arguments. */
    public ExternalProgram run(Path ccache, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(curl.toString(), "-4", "-v", "-sS", "--max-time", "50"));
        command.addAll(Arrays.asList(args));
        return ExternalProgram.run(kdc.clientEnv(ccache), dir, Duration.ofSeconds(60), command.toArray(String[]::new));
    }
}
