package dev.wharf.server.srm.transfer.calls;

import dev.wharf.server.DoorDirectory;
import dev.wharf.server.ServerContext;
import dev.wharf.server.config.ConfigFile;
import dev.wharf.server.dcap.DcapSettings;
import dev.wharf.server.fs.FileChannelOpener;
import dev.wharf.server.fs.SessionStorage;
import dev.wharf.server.gridftp.GridFtpRoots;
import dev.wharf.server.net.NetSettings;
import dev.wharf.server.srm.SrmOperation;
import dev.wharf.server.srm.SrmOperations;
import dev.wharf.server.srm.transfer.RequestStore;
import dev.wharf.server.srm.transfer.StorageAccess;
import dev.wharf.server.srm.transfer.TransferLimits;
import dev.wharf.server.srm.transfer.TransferService;
import dev.wharf.server.srm.transfer.TurlPlanner;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The transfer half of the SRM door, built once per door: the request store, the TURL planner and the
 * eight operations. The door adds {@link #addTo} to its table and runs {@link #sweep} every
 * {@link #SWEEP_INTERVAL} on its blocking executor (expiry and aborted-put clean-up touch storage).
 */
public final class SrmTransfers {

    /** How often expired requests are ended and aborted SURLs are checked for late uploads. */
    public static final Duration SWEEP_INTERVAL = Duration.ofSeconds(5);

    private final TransferService service;

    public SrmTransfers(TransferService service) {
        this.service = service;
    }

    /**
     * @param doors     the bound address of each running door by DoorTable name
     * @param access    storage as a request's owner, built by the door from its own login rules
     * @param blocking  the server's blocking executor (large requests are prepared there)
     */
    public static SrmTransfers create(ConfigFile config, Function<String, Optional<InetSocketAddress>> doors, StorageAccess access,
                                      Executor blocking) {
        NetSettings net = NetSettings.from(config);
        TurlPlanner planner = new TurlPlanner(doors, TransferLimits.from(config).turlHost(), net.dataInterface(),
                DcapSettings.from(config).root());
        RequestStore store = new RequestStore(TransferLimits.from(config), Clock.systemUTC());
        return new SrmTransfers(new TransferService(store, planner, access, blocking,
                config.declaredBoolean("transfer.overwrite")));
    }

    /**
     * The transfer operations of the server's SRM door: TURLs on the doors in {@code doors} (their bound
     * ports), owners' storage opened as the door's logins open it (root as gsiftp's), the sweep scheduled
     * on the server's threads for as long as they run.
     */
    public static SrmTransfers forServer(ServerContext context, String door, DoorDirectory doors) {
        GridFtpRoots roots = GridFtpRoots.from(context.config());
        StorageAccess owners = owner -> SessionStorage.open(context,
                roots.rootFor(owner).orElseThrow(() -> new IOException("no storage root for " + owner.principal())),
                new SessionStorage.Login(door, owner, false, false), FileChannelOpener.DEFAULT);
        SrmTransfers transfers = create(context.config(), doors::address, owners, context.blockingExecutor());
        context.status().add(door + "-requests", transfers.service::counts);
        long every = SWEEP_INTERVAL.toMillis();
        // The timer is the I/O group's; the sweep touches storage, so it runs on the blocking executor.
        context.ioGroup().scheduleAtFixedRate(() -> context.blockingExecutor().execute(transfers::sweep),
                every, every, TimeUnit.MILLISECONDS);
        return transfers;
    }

    public SrmOperations addTo(SrmOperations table) {
        return table.with(operations());
    }

    public SrmOperation<?, ?>[] operations() {
        return new SrmOperation<?, ?>[] {
            new SrmPrepareToGet(service), new SrmStatusOfGetRequest(service),
            new SrmPrepareToPut(service), new SrmStatusOfPutRequest(service), new SrmPutDone(service),
            new SrmReleaseFiles(service), new SrmAbortRequest(service), new SrmAbortFiles(service),
            new SrmGetTransferProtocols(service)};
    }

    public void sweep() {
        service.endings().sweep();
    }
}
