package dev.wharf.server.gsi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The environment of a real Globus client program (globus-url-copy) for interop tests: a proxy made by
 * grid-proxy-init (RFC 3820, 12 h) from a user credential, and the trust directory of a {@link TestPki}.
 */
public record GlobusClient(Path proxy, Map<String, String> env) {

    /** Writes {@code user}'s certificate and key into {@code dir} and runs grid-proxy-init there. */
    public static GlobusClient gridProxyInit(TestPki pki, TestPki.Credential user, Path dir) throws IOException,
            InterruptedException {
        Files.createDirectories(dir);
        TestPki.writePem(user, dir.resolve("usercert.pem"), dir.resolve("userkey.pem"));
        Path proxy = dir.resolve("x509up");
        ExternalProgram.run(Map.of("X509_USER_CERT", dir.resolve("usercert.pem").toString(),
                "X509_USER_KEY", dir.resolve("userkey.pem").toString(), "X509_CERT_DIR", pki.certDir().toString()),
                dir, "grid-proxy-init", "-out", proxy.toString()).requireSuccess("grid-proxy-init");
        return withProxy(pki, proxy);
    }

    /** A client using an existing proxy file (e.g. one Bouncy Castle signed: expired, revoked...). */
    public static GlobusClient withProxy(TestPki pki, Path proxy) {
        return new GlobusClient(proxy, Map.of("X509_CERT_DIR", pki.certDir().toString(),
                "X509_USER_PROXY", proxy.toString(), "HOME", proxy.getParent().toString()));
    }
}
