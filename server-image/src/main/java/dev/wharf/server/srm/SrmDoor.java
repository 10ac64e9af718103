package dev.wharf.server.srm;

import dev.wharf.server.ListenerDoor;
import dev.wharf.server.ServerContext;
import dev.wharf.server.gridftp.GridFtpRoots;
import dev.wharf.server.gsi.GsiService;
import dev.wharf.server.log.ClientMistakes;
import dev.wharf.server.net.DoorFront;
import dev.wharf.server.net.DoorListener;
import dev.wharf.server.net.DoorWords;
import dev.wharf.server.srm.soap.SoapEnvelopes;
import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpServerCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * The SRM v2.2 door (docs/srm.md) on {@code srm.port}: the connection policy's stages, then
 * httpg → HTTP/1.1 → SOAP → the operation table. Built with the server's one {@link GsiService} (host
 * credential, trust directory, grid-mapfile) and an {@link SrmOperations} table.
 *
 * <pre>
 *   Door srm = new SrmDoor(context, SrmSettings.from(config), gsi, SrmCalls.namespace(checksums, 1000));
 * </pre>
 */
public final class SrmDoor implements ListenerDoor {

    static final String HTTPG = "httpg";
    static final String HTTP = "http";
    static final String BODY = "body";
    static final String SOAP = "soap";

    private static final Logger LOG = LoggerFactory.getLogger(SrmDoor.class);

    private final ServerContext context;
    private final SrmSettings settings;
    private final GsiService gsi;
    private final SrmDispatcher dispatcher;
    private final SrmLogin login;
    private final ClientMistakes mistakes = new ClientMistakes(LOG, Level.INFO);
    private final DoorListener listener;

    public SrmDoor(ServerContext context, SrmSettings settings, GsiService gsi, SrmOperations operations) {
        this.context = context;
        this.settings = settings;
        this.gsi = gsi;
        this.dispatcher = new SrmDispatcher(operations, mistakes);
        this.login = new SrmLogin(context, settings.door(), gsi, GridFtpRoots.from(context.config()), mistakes);
        // the first bytes on the wire are TLS records: a refusal cannot be put in words the client would read
        this.listener = new DoorListener(context, new DoorFront(settings.door(), settings.net(), context.metrics(), null,
                DoorWords.SILENT), this::addProtocol);
    }

    private void addProtocol(Channel ch) {
        ChannelPipeline p = ch.pipeline();
        p.addLast(HTTPG, new HttpgHandler(gsi, context.blockingExecutor(), settings.door(), mistakes, login::login));
        p.addLast(HTTP, new HttpServerCodec());
        p.addLast(BODY, new SrmBodyLimit(settings.maxRequestBytes(), mistakes, settings.door()));
        p.addLast(SOAP, new SrmHttpHandler(dispatcher, context.blockingExecutor(), mistakes, settings.door()));
    }

    @Override
    public String name() {
        return settings.door();
    }

    @Override
    public void start() throws InterruptedException {
        SoapEnvelopes.warmUp();
        listener.bind(settings.port());
        LOG.info("{} door listening on {} (httpg, endpoint {}, operations {})", name(), localAddress(),
                SrmSettings.ENDPOINT, dispatcher.operations().names().size());
    }

    @Override
    public DoorListener listener() {
        return listener;
    }
}
