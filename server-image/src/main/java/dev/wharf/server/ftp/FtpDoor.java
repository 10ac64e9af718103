package dev.wharf.server.ftp;

import dev.wharf.server.ListenerDoor;
import dev.wharf.server.ServerContext;
import dev.wharf.server.data.DataChannelFactory;
import dev.wharf.server.data.PortAllocator;
import dev.wharf.server.fs.FileChannelOpener;
import dev.wharf.server.net.DoorFront;
import dev.wharf.server.net.DoorListener;
import io.netty.handler.ssl.SslContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The FTP door (plain with explicit AUTH TLS) or the implicit-TLS FTPS door. Every door must route
 * its storage access through AccessPolicy: sessions only reach files through
 * the {@link dev.wharf.server.fs.Storage} that {@link dev.wharf.server.fs.SessionStorage#open} builds at login.
 *
 * <pre>
 *   PortAllocator ports = new PortAllocator(PortRange...);   // one per data port range, shared by doors
 *   Door ftp  = new FtpDoor(context, FtpSettings.plain(config), ports);        // AUTH TLS with context.tls()
 *   Door ftps = new FtpDoor(context, FtpSettings.implicitTls(config), ports);  // implicit FTPS
 * </pre>
 */
public final class FtpDoor implements ListenerDoor {

    private static final Logger LOG = LoggerFactory.getLogger(FtpDoor.class);

    private final FtpSettings settings;
    private final SessionServices services;
    private final DoorListener listener;

    public FtpDoor(ServerContext context, FtpSettings settings, PortAllocator ports) {
        this(context, settings, context.tls() == null ? null : context.tls().sslContext(), ports, FtpCommands.standard(),
                FileChannelOpener.DEFAULT);
    }

    /** The full form: another command table (GridFTP), another TLS context, or a test's file opener. */
    public FtpDoor(ServerContext context, FtpSettings settings, SslContext tls, PortAllocator ports,
                   CommandTable commands, FileChannelOpener opener) {
        if (settings.implicitTls() && tls == null) {
            throw new IllegalArgumentException("the implicit-TLS door needs a TLS context");
        }
        this.settings = settings;
        DataChannelFactory data = new DataChannelFactory(context.transport(), context.ioGroup(),
                settings.dataInterface(), ports);
        this.services = new SessionServices(context, settings, commands, data, tls, opener);
        DoorFront front = FtpPipeline.front(services);
        this.listener = new DoorListener(context, front, new FtpPipeline(services, front)::addProtocol);
    }

    @Override
    public String name() {
        return settings.door();
    }

    public FtpSettings settings() {
        return settings;
    }

    @Override
    public void start() throws InterruptedException {
        listener.bind(settings.port());
        LOG.info("{} door listening on {} (data interface {}, ports {}-{})", name(), localAddress(),
                settings.dataInterface().getHostAddress(), settings.portRange().first(), settings.portRange().last());
    }

    @Override
    public DoorListener listener() {
        return listener;
    }

    /** Control connections currently open (for tests and the status page). */
    public int openConnections() {
        return listener.front().open();
    }
}
