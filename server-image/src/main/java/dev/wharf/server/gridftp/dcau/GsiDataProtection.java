package dev.wharf.server.gridftp.dcau;

import dev.wharf.server.data.DataPipeline;
import dev.wharf.server.data.DataProtection;
import dev.wharf.server.gsi.ChainValidator;
import dev.wharf.server.gsi.GsiAcceptor;
import dev.wharf.server.gsi.GsiInitiator;
import dev.wharf.server.gsi.GsiTls;
import dev.wharf.server.gssftp.ProtectionLevel;
import io.netty.channel.Channel;
import io.netty.handler.ssl.SslHandler;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;

/**
 * DCAU A/S on GridFTP data channels (GFD.20, Globus GSI): every data connection starts with a GSI
 * handshake in which the side that <em>connected</em> is the GSS initiator (TLS client) and the side that
 * accepted is the acceptor (TLS server), the reverse of FTPS. We present {@code credential} (the session's
 * delegated proxy, or the host credential when the client delegated none) and accept the peer only when its
 * chain validates and its identity is {@code expectedPeer}: the session's own DN for DCAU A ("self"), the
 * given subject for DCAU S.
 *
 * <p>Afterwards: PROT C, the context is a Globus GSI one (flag byte after the handshake) and data flows in
 * clear ({@link GsiDataHandshake}); PROT S/P, the context is "SSL compatible" (no flag byte) and every byte
 * travels in TLS application-data records, bare as the Globus XIO GSI driver sends them in that mode, so a
 * plain {@link SslHandler} does it. Immutable; one instance serves every data channel of a session's
 * transfers (MODE E streams included) until DCAU, PROT or the credential change.
 */
public final class GsiDataProtection implements DataProtection {

    static final long HANDSHAKE_TIMEOUT_MILLIS = 60_000;

    private final SSLContext context;
    private final ChainValidator validator;
    private final String expectedPeer;
    private final ProtectionLevel level;
    private final List<String> protocols;

    /**
     * @param key our credential's private key
     * @param chain our credential's certificates, leaf first
     * @param protocols TLS versions ({@code gsi.tls-protocols})
     */
    public GsiDataProtection(PrivateKey key, List<X509Certificate> chain, ChainValidator validator, String expectedPeer,
            ProtectionLevel level, List<String> protocols) {
        this.context = GsiTls.context(key, chain, new ExpectedPeerTrustManager(validator, expectedPeer));
        this.validator = validator;
        this.expectedPeer = expectedPeer;
        this.level = level;
        this.protocols = dataChannelProtocols(protocols);
    }

    /**
     * TLS 1.2 when {@code gsi.tls-protocols} allows it. A JDK TLS 1.3 server sends session tickets after the
     * handshake, and globus-url-copy never reads them on a data channel: on PROT C they would land in the
     * file as data, on PROT S/P they sit unread and its close turns into a reset that loses the upload's
     * tail. TLS 1.2 has no post-handshake messages.
     */
    static List<String> dataChannelProtocols(List<String> allowed) {
        return allowed.contains("TLSv1.2") ? List.of("TLSv1.2") : List.copyOf(allowed);
    }

    public String expectedPeer() {
        return expectedPeer;
    }

    public ProtectionLevel level() {
        return level;
    }

    @Override
    public void install(Channel channel) {
        DataPipeline.guard(channel); // also when closed: what arrived in clear must not become a file
        if (!channel.isOpen()) {
            return;
        }
        boolean initiator = channel.parent() == null; // we connected: active mode, PORT/SPOR, third-party source
        if (level == ProtectionLevel.CLEAR) {
            DataPipeline.addProtection(channel, GsiDataHandshake.NAME,
                    new GsiDataHandshake(initiator ? initiatorExchange() : acceptorExchange(), initiator, HANDSHAKE_TIMEOUT_MILLIS));
        } else {
            SSLEngine engine = initiator ? GsiTls.clientEngine(context, protocols) : GsiTls.serverEngine(context, protocols);
            SslHandler ssl = new SslHandler(engine);
            ssl.setHandshakeTimeoutMillis(HANDSHAKE_TIMEOUT_MILLIS);
            DataPipeline.addProtection(channel, DataPipeline.TLS, ssl);
            DataPipeline.addProtection(channel, TlsHandshakeWatch.NAME, new TlsHandshakeWatch());
        }
    }

    private GsiDataHandshake.Exchange acceptorExchange() {
        GsiAcceptor acceptor = newAcceptor();
        return new GsiDataHandshake.Exchange(acceptor, acceptor::accept);
    }

    private GsiAcceptor newAcceptor() {
        try {
            return new GsiAcceptor(GsiTls.serverEngine(context, protocols), validator, GsiAcceptor.Mode.GSI);
        } catch (SSLException e) {
            throw new IllegalStateException("cannot start a TLS engine: " + e.getMessage(), e);
        }
    }

    private GsiDataHandshake.Exchange initiatorExchange() {
        GsiInitiator initiator;
        try {
            initiator = new GsiInitiator(GsiTls.clientEngine(context, protocols), validator, GsiAcceptor.Mode.GSI, null);
        } catch (SSLException e) {
            throw new IllegalStateException("cannot start a TLS engine: " + e.getMessage(), e);
        }
        return new GsiDataHandshake.Exchange(initiator, initiator::initToken);
    }
}
