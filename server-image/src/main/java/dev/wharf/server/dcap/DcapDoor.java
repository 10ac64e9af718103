package dev.wharf.server.dcap;

import dev.wharf.server.ListenerDoor;
import dev.wharf.server.ServerContext;
import dev.wharf.server.data.DataChannelFactory;
import dev.wharf.server.data.PortAllocator;
import dev.wharf.server.fs.FileChannelOpener;
import dev.wharf.server.gsi.GsiService;
import dev.wharf.server.krb.KrbService;
import dev.wharf.server.net.DoorFront;
import dev.wharf.server.net.DoorListener;
import dev.wharf.server.net.DoorWords;
import io.netty.channel.Channel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plain dCap door (docs/dcap.md): libdcap's control protocol on {@code dcap.port}, data
 * connections from the shared data-port range, anonymous access by the POSIX "other" bits or ACLs. On
 * drain each session closes once none of its transfers runs (docs/dcap.md).
 *
 * <pre>
 *   Door dcap = new DcapDoor(context, DcapSettings.from(config), ports);   // ports shared with FTP
 * </pre>
 */
public final class DcapDoor implements ListenerDoor {

    private static final Logger LOG = LoggerFactory.getLogger(DcapDoor.class);

    private final ServerContext context;
    private final DcapSettings settings;
    private final DataChannelFactory data;
    private final TunnelMechanism tunnel;
    private final FileChannelOpener opener;
    private final DoorListener listener;

    public DcapDoor(ServerContext context, DcapSettings settings, PortAllocator ports) {
        this(context, settings, ports, (GsiService) null);
    }

    /** The gsidcap door when {@code gsi} is given: the same protocol inside libdcap's GSI tunnel. */
    public DcapDoor(ServerContext context, DcapSettings settings, PortAllocator ports, GsiService gsi) {
        this(context, settings, ports, gsi == null ? null : new GsiTunnel(gsi), FileChannelOpener.DEFAULT);
    }

    /** The krbdcap door: the same protocol inside libdcap's Kerberos tunnel ({@code libgssTunnel.so}). */
    public DcapDoor(ServerContext context, DcapSettings settings, PortAllocator ports, KrbService krb) {
        this(context, settings, ports, new KrbTunnel(krb), FileChannelOpener.DEFAULT);
        krb.requireKey(krb.dcapPrincipal());
    }

    /** With the way files are opened replaced (tests: a disk that fills up). */
    DcapDoor(ServerContext context, DcapSettings settings, PortAllocator ports, TunnelMechanism tunnel,
             FileChannelOpener opener) {
        this.opener = opener;
        this.tunnel = tunnel;
        this.context = context;
        this.settings = settings;
        this.data = new DataChannelFactory(context.transport(), context.ioGroup(), settings.dataInterface(), ports);
        // dCap is client-speaks-first and has no session id before hello: refusals close silently.
        DoorFront front = new DoorFront(settings.door(), settings.net(), context.metrics(), null, DoorWords.SILENT);
        this.listener = new DoorListener(context, front, this::addProtocol);
    }

    /** The dCap stages behind the connection policy's. */
    private void addProtocol(Channel ch) {
        DcapPipeline.add(ch, tunnel == null ? null : () -> new TunnelHandler(tunnel, context.blockingExecutor(), settings.door()),
                () -> new DcapSessionHandler(context, settings, data, opener));
    }

    @Override
    public String name() {
        return settings.door();
    }

    @Override
    public void start() throws InterruptedException {
        settings.requireRoot();
        listener.bind(settings.port());
        LOG.info("{} door listening on {} (root {}, data ports {}-{})", name(), localAddress(),
                settings.requireRoot(), settings.portRange().first(), settings.portRange().last());
        if (localAddress().getPort() > DcapSettings.HIGHEST_DOOR_PORT) {
            LOG.warn("{} door got port {} from the kernel: dccp and libdcap cannot connect to ports above {}"
                    + " (a signed 16-bit value in libdcap); configure {}.port below 32768", name(),
                    localAddress().getPort(), DcapSettings.HIGHEST_DOOR_PORT, name());
        }
        if (settings.discardUploads()) {
            LOG.warn("{} door: dcap.discard-uploads = true: uploaded data is thrown away and no file is created."
                    + " A benchmark aid (docs/performance.md); never set it on a server that keeps data", name());
        }
    }

    @Override
    public DoorListener listener() {
        return listener;
    }
}
