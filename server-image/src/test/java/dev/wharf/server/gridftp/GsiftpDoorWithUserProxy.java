package dev.wharf.server.gridftp;

import dev.wharf.server.gsi.ExternalProgram;
import dev.wharf.server.gsi.GlobusClient;
import dev.wharf.server.gsi.TestPki;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A {@link GridFtpTestServer} plus a real grid-proxy-init proxy of its PKI's user, for the interop tests
 * that drive one gsiftp door with globus-url-copy: the server lives in {@code dir/server}, the client's
 * credentials in {@code dir/client}, and the program runs in {@code dir}.
 */
final class GsiftpDoorWithUserProxy implements AutoCloseable {

    private final Path dir;
    private final GridFtpTestServer server;
    private final Map<String, String> userEnv;

    private GsiftpDoorWithUserProxy(Path dir, GridFtpTestServer server, Map<String, String> userEnv) {
        this.dir = dir;
        this.server = server;
        this.userEnv = userEnv;
    }

    static GsiftpDoorWithUserProxy start(Path dir) throws Exception {
        GridFtpTestServer server = new GridFtpTestServer(dir.resolve("server"));
        try {
            return new GsiftpDoorWithUserProxy(dir, server,
                    GlobusClient.gridProxyInit(server.pki(), server.pki().user(), dir.resolve("client")).env());
        } catch (Exception | AssertionError e) {
            // a missing grid-proxy-init must not leave the door's event loops running for the rest of the suite
            server.close();
            throw e;
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

    @Override
    public void close() {
        server.close();
    }
}
