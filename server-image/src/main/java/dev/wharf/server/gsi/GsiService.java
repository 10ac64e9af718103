package dev.wharf.server.gsi;

import dev.wharf.server.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything a GSI door needs, built once at start from {@link GsiSettings}: the host credential, the
 * trust directory and validator, the TLS context, and the grid-mapfile (re-read when its modification
 * time changes). Hands out one {@link GsiAcceptor} per authentication.
 */
public final class GsiService {

    private static final Logger LOG = LoggerFactory.getLogger(GsiService.class);

    private final GsiSettings settings;
    private final PemCredential hostCredential;
    private final TrustAnchorDirectory trustDirectory;
    private final ChainValidator validator;
    private final GsiTrustManager trustManager;
    private final SSLContext hostContext;
    private volatile GridMap gridMap;
    private volatile FileTime gridMapTime;

    private GsiService(GsiSettings settings) {
        this.settings = settings;
        this.hostCredential = PemCredential.load(settings.hostCertificate(), "gsi.host-certificate", settings.hostKey(), "gsi.host-key");
        this.trustDirectory = new TrustAnchorDirectory(settings.certDir());
        this.validator = new ChainValidator(trustDirectory);
        this.trustManager = new GsiTrustManager(validator);
        this.hostContext = GsiTls.context(hostCredential.key(), hostCredential.chain(), trustManager);
        settings.gridmap().ifPresent(this::loadGridMap);
        DelegationKeys.SHARED.prepare(DelegationRequest.DEFAULT_BITS);
        if (!GsiJvmSettings.applied()) {
            LOG.warn("GSI: jdk.tls.server.disableExtensions lacks server_name: Globus clients' DCAU data channels will fail"
                    + " (the JDK refuses the DN they send as SNI); start the server through its Main");
        }
        LOG.info("GSI: host {} , {} trusted CAs in {}, grid-mapfile {}",
                OpenSslDn.render(hostCredential.certificate().getSubjectX500Principal()),
                trustDirectory.current().allCas().size(), settings.certDir(),
                settings.gridmap().map(Path::toString).orElse("none"));
    }

    /** Loads the credential, trust anchors and grid-mapfile; a missing or broken one stops start-up. */
    public static GsiService start(GsiSettings settings) {
        return new GsiService(settings);
    }

    /** A new control-channel acceptor (flag byte and optional delegation after the handshake). */
    public GsiAcceptor newAcceptor() {
        return newAcceptor(GsiAcceptor.Mode.GSI);
    }

    /**
     * An acceptor for a GSS context carried on a raw byte stream (httpg): TLS 1.2 when {@code gsi.tls-protocols}
     * allows it. A JDK TLS 1.3 server sends session tickets after the handshake, and CGSI-gSOAP's client
     * reads its SOAP answer one record at a time through gss_unwrap: a ticket record unwraps to nothing,
     * which the plugin takes for the end of the connection. TLS 1.2 has no post-handshake messages.
     */
    public GsiAcceptor newStreamAcceptor() {
        List<String> protocols = settings.tlsProtocols().contains("TLSv1.2") ? List.of("TLSv1.2") : settings.tlsProtocols();
        return acceptor(GsiTls.serverEngine(hostContext, protocols), GsiAcceptor.Mode.GSI);
    }

    public GsiAcceptor newAcceptor(GsiAcceptor.Mode mode) {
        return acceptor(GsiTls.serverEngine(hostContext, settings.tlsProtocols()), mode);
    }

    /**
     * An acceptor presenting the user's delegated credential instead of the host's: the passive side of a
     * DCAU data channel ({@link GsiAcceptor.Mode#GSI} for PROT C, {@code SSL_COMPATIBLE} for PROT S/P).
     */
    public GsiAcceptor newAcceptor(DelegatedCredential credential, GsiAcceptor.Mode mode) {
        return acceptor(GsiTls.serverEngine(contextFor(credential), settings.tlsProtocols()), mode);
    }

    private GsiAcceptor acceptor(SSLEngine engine, GsiAcceptor.Mode mode) {
        try {
            return new GsiAcceptor(engine, validator, mode);
        } catch (SSLException e) {
            throw new IllegalStateException("cannot start a TLS engine: " + e.getMessage(), e);
        }
    }

    /** An initiator presenting the delegated credential: the active (connecting) side of a DCAU data channel. */
    public GsiInitiator newInitiator(DelegatedCredential credential, GsiAcceptor.Mode mode) {
        SSLEngine engine = GsiTls.clientEngine(contextFor(credential), settings.tlsProtocols());
        try {
            return new GsiInitiator(engine, validator, mode, null);
        } catch (SSLException e) {
            throw new IllegalStateException("cannot start a TLS engine: " + e.getMessage(), e);
        }
    }

    /** A TLS context presenting a delegated credential (DCAU data channels, third-party transfers). */
    public SSLContext contextFor(DelegatedCredential credential) {
        return GsiTls.context(credential.key(), credential.chain(), trustManager);
    }

    public ChainValidator validator() {
        return validator;
    }

    public GsiTrustManager trustManager() {
        return trustManager;
    }

    public PemCredential hostCredential() {
        return hostCredential;
    }

    public GsiSettings settings() {
        return settings;
    }

    /** The grid-mapfile as of now (re-read if it changed), or empty when none is configured. */
    public Optional<GridMap> gridMap() {
        settings.gridmap().ifPresent(path -> {
            try {
                if (!Files.getLastModifiedTime(path).equals(gridMapTime)) {
                    loadGridMap(path);
                }
            } catch (IOException | ConfigException e) {
                LOG.warn("keeping the previous grid-mapfile: {}", e.getMessage());
            }
        });
        return Optional.ofNullable(gridMap);
    }

    private synchronized void loadGridMap(Path path) {
        try {
            FileTime time = Files.getLastModifiedTime(path);
            gridMap = GridMapParser.load(path);
            gridMapTime = time;
        } catch (IOException e) {
            throw new ConfigException("cannot read grid-mapfile " + path + ": " + e.getMessage(), e);
        }
    }
}
