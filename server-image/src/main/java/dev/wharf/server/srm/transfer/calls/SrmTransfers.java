package dev.wharf.server.srm.transfer.calls;

import dev.wharf.server.config.ConfigFile;
import dev.wharf.server.dcap.DcapSettings;
import dev.wharf.server.ftp.FtpSettings;
import dev.wharf.server.net.NetSettings;
import dev.wharf.server.srm.SrmOperation;
import dev.wharf.server.srm.SrmOperations;
import dev.wharf.server.srm.transfer.RequestStore;
import dev.wharf.server.srm.transfer.StorageAccess;
import dev.wharf.server.srm.transfer.TransferLimits;
import dev.wharf.server.srm.transfer.TransferService;
import dev.wharf.server.srm.transfer.TurlPlanner;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.Executor;
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
     * @param doorPorts the port of each enabled door by DoorTable name, the bound port once it runs
     *                  ({@link #configuredPorts} before that)
     * @param access    storage as a request's owner, built by the door from its own login rules
     * @param blocking  the server's blocking executor (large requests are prepared there)
     */
    public static SrmTransfers create(ConfigFile config, Function<String, OptionalInt> doorPorts, StorageAccess access,
                                      Executor blocking) {
        NetSettings net = NetSettings.from(config);
        TurlPlanner planner = new TurlPlanner(doorPorts, TransferLimits.from(config).turlHost(), net.dataInterface(),
                net.controlInterface(), DcapSettings.from(config).root());
        RequestStore store = new RequestStore(TransferLimits.from(config), Clock.systemUTC());
        return new SrmTransfers(new TransferService(store, planner, access, blocking,
                config.getBoolean("transfer.overwrite", true)));
    }

    /** The ports server.conf gives the TURL doors that it enables (gridftp, dcap, gsidcap). */
    public static Function<String, OptionalInt> configuredPorts(ConfigFile config) {
        Map<String, Integer> ports = Map.of(
                "gridftp", FtpSettings.gridftp(config).port(),
                "dcap", DcapSettings.from(config).port(),
                "gsidcap", DcapSettings.gsi(config).port());
        return door -> config.getBoolean(door + ".enabled", false) && ports.containsKey(door)
                ? OptionalInt.of(ports.get(door)) : OptionalInt.empty();
    }

    public SrmOperations addTo(SrmOperations table) {
        return table.with(operations());
    }

    public SrmOperation<?, ?>[] operations() {
        return new SrmOperation<?, ?>[] {
            new SrmPrepareToGet(service), new SrmStatusOfGetRequest(service),
            new SrmPrepareToPut(service), new SrmStatusOfPutRequest(service), new SrmPutDone(service),
            new SrmReleaseFiles(service), new SrmAbortRequest(service), new SrmAbortFiles(service)};
    }

    public void sweep() {
        service.endings().sweep();
    }
}
