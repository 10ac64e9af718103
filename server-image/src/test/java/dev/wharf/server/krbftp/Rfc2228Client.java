package dev.wharf.server.krbftp;

import dev.wharf.server.gsi.ExternalProgram;
import dev.wharf.server.krb.TestKdc;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Runs {@code krb/rfc2228_client.py}: an RFC 2228 FTP client over MIT's libgssapi_krb5 (the library curl and
 * kerberized ftp clients use), since Debian 12 ships no working Kerberos FTP client. Optionally under
 * {@code faketime} to move the client's clock.
 */
public final class Rfc2228Client {

    private final TestKdc kdc;
    private final Path dir;
    private final Path script;

    public Rfc2228Client(TestKdc kdc, Path dir) throws IOException {
        this.kdc = kdc;
        this.dir = dir;
        this.script = dir.resolve("rfc2228_client.py");
        try (InputStream in = Rfc2228Client.class.getResourceAsStream("/krb/rfc2228_client.py")) {
            Files.write(script, in.readAllBytes());
        }
    }

    /** The client as {@code ccache}'s owner against localhost:{@code port} at PROT {@code level}. */
    public ExternalProgram run(Path ccache, int port, String level, String... ops) throws Exception {
        return run(ccache, null, port, level, ops);
    }

    /** The same with the client's clock moved by {@code faketime} ({@code "+10m"}), or as is when null. */
    public ExternalProgram run(Path ccache, String clockOffset, int port, String level, String... ops) throws Exception {
        List<String> command = new ArrayList<>();
        if (clockOffset != null) {
            command.addAll(List.of("faketime", "-f", clockOffset));
        }
        command.addAll(List.of("python3", script.toString(), "localhost", String.valueOf(port), level));
        command.addAll(Arrays.asList(ops));
        Map<String, String> env = kdc.clientEnv(ccache);
        return ExternalProgram.run(env, dir, Duration.ofSeconds(60), command.toArray(String[]::new));
    }
}
