package dev.wharf.server.dcap;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One parsed client control line: {@code <sessionId> <commandId> <partner> <verb> [args…]}.
 *
 * @param args positional arguments after the verb, quotes removed
 * @param options {@code -key} (value "") and {@code -key=value} tokens, in order; the last one of a key wins
 */
public record DcapRequest(long sessionId, long commandId, String partner, String verb, List<String> args,
                          Map<String, String> options) {

    public DcapRequest {
        args = List.copyOf(args);
        options = Map.copyOf(options);
    }

    /** The positional argument at {@code index}, or a protocol error naming what is missing. */
    public String arg(int index, String what) throws DcapProtocolException {
        if (index >= args.size()) {
            throw new DcapProtocolException(verb + ": missing " + what);
        }
        return args.get(index);
    }

    public Optional<String> option(String key) {
        return Optional.ofNullable(options.get(key));
    }

    public boolean hasOption(String key) {
        return options.containsKey(key);
    }
}
