package dev.wharf.server.gridftp;

import dev.wharf.server.PerClassFixture;
import dev.wharf.server.gsi.ExternalProgram;
import dev.wharf.server.gsi.GlobusClient;
import dev.wharf.server.gsi.TestPki;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A {@link GridFtpTestServer} plus a real grid-proxy-init proxy of its PKI's user, for the interop tests
 * that drive one gsiftp door with globus-url-copy: the server lives in {@code tmp/server}, the client's
 * credentials in {@code tmp/client}, and the program runs in {@code tmp}.
 */
final class GsiftpDoorWithUserProxy extends PerClassFixture {

    private Path dir;
    private GridFtpTestServer server;
    private Map<String, String> userEnv;
    private final Map<String, String> config;

    GsiftpDoorWithUserProxy(Supplier<Path> directory) {
        this(directory, Map.of());
    }

    /** With more server.conf keys. */
    GsiftpDoorWithUserProxy(Supplier<Path> directory, Map<String, String> config) {
        super(directory);
        this.config = config;
    }

    @Override
    protected void start(Path dir) throws Exception {
        this.dir = dir;
        server = new GridFtpTestServer(dir.resolve("server"), pki -> {}, null, config);
        userEnv = GlobusClient.gridProxyInit(server.pki(), server.pki().user(), dir.resolve("client")).env();
    }

    @Override
    protected void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** The jail every session of the door sees as "/". */
    Path root() {
        return server.root();
    }

    TestPki pki() {
        return server.pki();
    }

    /** The environment of globus-url-copy as the PKI's user (X509_USER_PROXY, X509_CERT_DIR, HOME). */
    Map<String, String> userEnv() {
        return userEnv;
    }

    String url(String path) {
        return "gsiftp://127.0.0.1:" + server.port() + "/" + path;
    }

    /** globus-url-copy as the PKI's user. */
    ExternalProgram globusUrlCopy(List<String> arguments) throws Exception {
        return globusUrlCopy(userEnv, arguments);
    }

    /** globus-url-copy with another client's environment (an untrusted proxy, say). */
    ExternalProgram globusUrlCopy(Map<String, String> env, List<String> arguments) throws Exception {
        // -dbg: a failure message shows the whole control conversation
        List<String> command = new ArrayList<>(List.of("globus-url-copy", "-dbg"));
        command.addAll(arguments);
        return ExternalProgram.run(env, dir, command.toArray(String[]::new));
    }
}
