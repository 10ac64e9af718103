package dev.wharf.operator.render.conf;

import dev.wharf.operator.api.DoorOptions;
import dev.wharf.operator.render.RenderResult.NotRendered;
import java.util.List;
import java.util.Optional;

/**
 * The network options a server would refuse to start with, found before anything is rendered so a
 * running server keeps its last good configuration (the reconciler's rule for every refusal) instead of
 * being rolled into a crash loop. Pure.
 */
public final class NetworkCheck {

    /** Condition reason: PROXY headers are expected but no proxy is trusted to send them. */
    public static final String PROXY_TRUST_REQUIRED = "ProxyTrustRequired";
    /** Condition reason: a CIDR block of doorOptions the server cannot parse. */
    public static final String INVALID_CIDR = "InvalidCidr";

    private NetworkCheck() {
    }

    public static Optional<NotRendered> check(DoorOptions opts) {
        if (opts == null) {
            return Optional.empty();
        }
        Optional<NotRendered> bad = cidrs("allowedSubnets", opts.allowedSubnets)
                .or(() -> cidrs("proxyTrusted", opts.proxyTrusted));
        if (bad.isPresent()) {
            return bad;
        }
        if (Boolean.TRUE.equals(opts.proxyProtocol) && (opts.proxyTrusted == null || opts.proxyTrusted.isEmpty())) {
            return Optional.of(new NotRendered(PROXY_TRUST_REQUIRED, "spec.doorOptions.proxyProtocol is on but"
                    + " spec.doorOptions.proxyTrusted is empty: anyone reaching the port could claim any source address"
                    + " in a PROXY header and walk through allowedSubnets, and the server refuses to start so; list the"
                    + " CIDRs of your load balancers (e.g. 10.0.0.0/24) or turn proxyProtocol off"));
        }
        return Optional.empty();
    }

    private static Optional<NotRendered> cidrs(String field, List<String> blocks) {
        if (blocks == null) {
            return Optional.empty();
        }
        for (String block : blocks) {
            Optional<String> problem = Cidr.problem(block);
            if (problem.isPresent()) {
                return Optional.of(new NotRendered(INVALID_CIDR, "spec.doorOptions." + field + ": " + problem.get()));
            }
        }
        return Optional.empty();
    }
}
