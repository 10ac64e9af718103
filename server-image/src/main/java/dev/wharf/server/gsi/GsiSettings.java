package dev.wharf.server.gsi;

import dev.wharf.server.config.ConfigFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

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

    public GsiSettings {
        tlsProtocols = List.copyOf(tlsProtocols);
    }

    /** Defaults and the allowed TLS versions are the schema's (docs/configuration.md). */
    public static GsiSettings from(ConfigFile config) {
        return new GsiSettings(
                config.declaredPath("gsi.host-certificate"),
                config.declaredPath("gsi.host-key"),
                config.declaredPath("gsi.cert-dir"),
                config.getPath("gsi.gridmap"),
                config.declaredList("gsi.tls-protocols"));
    }
}
