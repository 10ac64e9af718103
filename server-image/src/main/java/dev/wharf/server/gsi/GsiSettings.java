package dev.wharf.server.gsi;

import dev.wharf.server.config.ConfigException;
import dev.wharf.server.config.ConfigFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code gsi.*} keys of server.conf (see docs/configuration.md). Read by a door that speaks GSI
 * (gsiftp, gsidcap) when it is enabled.
 *
 * @param hostCertificate PEM host certificate (chain), {@code gsi.host-certificate}
 * @param hostKey PEM unencrypted host key, {@code gsi.host-key}
 * @param certDir trust anchors in {@code X509_CERT_DIR} layout, {@code gsi.cert-dir}
 * @param gridmap grid-mapfile, {@code gsi.gridmap}; empty: every valid DN logs in as itself
 * @param tlsProtocols TLS versions the GSI handshake may negotiate, {@code gsi.tls-protocols}
 */
public record GsiSettings(Path hostCertificate, Path hostKey, Path certDir, Optional<Path> gridmap,
        List<String> tlsProtocols) {

    public static final String DEFAULT_HOST_CERTIFICATE = "/etc/grid-security/hostcert.pem";
    public static final String DEFAULT_HOST_KEY = "/etc/grid-security/hostkey.pem";
    public static final String DEFAULT_CERT_DIR = "/etc/grid-security/certificates";
    public static final List<String> DEFAULT_TLS_PROTOCOLS = List.of("TLSv1.2", "TLSv1.3");
    private static final Set<String> KNOWN_PROTOCOLS = Set.of("TLSv1.2", "TLSv1.3");

    public GsiSettings {
        tlsProtocols = List.copyOf(tlsProtocols);
    }

    public static GsiSettings from(ConfigFile config) {
        List<String> protocols = config.getList("gsi.tls-protocols");
        if (protocols.isEmpty()) {
            protocols = DEFAULT_TLS_PROTOCOLS;
        }
        for (String p : protocols) {
            if (!KNOWN_PROTOCOLS.contains(p)) {
                throw new ConfigException(config.source() + ": gsi.tls-protocols: '" + p
                        + "' is not one of TLSv1.2, TLSv1.3");
            }
        }
        return new GsiSettings(
                Path.of(config.getString("gsi.host-certificate", DEFAULT_HOST_CERTIFICATE)),
                Path.of(config.getString("gsi.host-key", DEFAULT_HOST_KEY)),
                Path.of(config.getString("gsi.cert-dir", DEFAULT_CERT_DIR)),
                config.getPath("gsi.gridmap"),
                protocols);
    }
}
