package dev.wharf.server.dcap;

import java.util.Optional;

/**
 * What an {@code open} line asks for: the path, read, write or both, and how the data connection is
 * made. {@code <sid> 0 client open "<url>" r|w|rw [-mode=0644 -truncate] <cbHost> <cbPort> [-passive] …}.
 *
 * @param write {@code w} or {@code rw}: the file is uploaded (through a temporary, committed at CLOSE)
 * @param readBack {@code rw}: the client may also read what it has written on the same data connection
 * @param truncate {@code -truncate} (libdcap sends it for O_TRUNC)
 * @param callbackPort the client's listening port, present unless the client asked to connect itself
 */
record OpenRequest(String path, boolean write, boolean readBack, boolean truncate, boolean clientConnects,
                   Optional<Integer> callbackPort, int timeoutSeconds) {

    static final int DEFAULT_TIMEOUT = 60;
    static final int MAX_TIMEOUT = 3600;

    static OpenRequest parse(DcapRequest r) throws DcapProtocolException, dev.wharf.server.fs.StorageException {
        String path = DcapUrl.toPath(r.arg(0, "path"));
        String mode = r.arg(1, "open mode");
        boolean write = switch (mode) {
            case "r" -> false;
            case "w", "rw" -> true;
            default -> throw new DcapProtocolException("open mode '" + mode + "' is not supported (r, w or rw)");
        };
        return new OpenRequest(path, write, mode.equals("rw"), r.hasOption("truncate"), r.hasOption("passive"),
                callbackPort(r, 3), timeout(r));
    }

    /**
     * {@code <sid> 0 client opendir "<url>" <cbHost> <cbPort> -uid=N}: the listing is read like a file
     * over a data connection (libdcap sends no {@code -passive} here, so the server connects back).
     */
    static OpenRequest parseOpendir(DcapRequest r) throws DcapProtocolException, dev.wharf.server.fs.StorageException {
        String path = DcapUrl.toPath(r.arg(0, "path"));
        return new OpenRequest(path, false, false, false, r.hasOption("passive"), callbackPort(r, 2), timeout(r));
    }

    private static Optional<Integer> callbackPort(DcapRequest r, int index) throws DcapProtocolException {
        Optional<Integer> port = Optional.empty();
        if (r.args().size() > index) {
            long p = DcapLineParser.number(r.args().get(index), "callback port");
            if (p < 1 || p > 65535) {
                throw new DcapProtocolException("bad callback port " + p);
            }
            port = Optional.of((int) p);
        }
        if (!r.hasOption("passive") && port.isEmpty()) {
            throw new DcapProtocolException(r.verb() + ": missing callback host and port");
        }
        return port;
    }

    private static int timeout(DcapRequest r) throws DcapProtocolException {
        Optional<String> t = r.option("timeout");
        if (t.isPresent() && !t.get().startsWith("-")) {
            return (int) Math.max(1, Math.min(MAX_TIMEOUT, DcapLineParser.number(t.get(), "timeout")));
        }
        return DEFAULT_TIMEOUT;
    }
}
