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
        boolean passive = r.hasOption("passive");
        Optional<Integer> port = Optional.empty();
        if (r.args().size() >= 4) {
            long p = DcapLineParser.number(r.args().get(3), "callback port");
            if (p < 1 || p > 65535) {
                throw new DcapProtocolException("bad callback port " + p);
            }
            port = Optional.of((int) p);
        }
        if (!passive && port.isEmpty()) {
            throw new DcapProtocolException("open: missing callback host and port");
        }
        int timeout = DEFAULT_TIMEOUT;
        Optional<String> t = r.option("timeout");
        if (t.isPresent() && !t.get().startsWith("-")) {
            timeout = (int) Math.max(1, Math.min(MAX_TIMEOUT, DcapLineParser.number(t.get(), "timeout")));
        }
        return new OpenRequest(path, write, mode.equals("rw"), r.hasOption("truncate"), passive, port, timeout);
    }
}
