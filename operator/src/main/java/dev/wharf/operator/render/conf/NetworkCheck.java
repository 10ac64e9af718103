package dev.wharf.operator.render.conf;

import dev.wharf.operator.api.DoorOptions;
import dev.wharf.operator.render.RenderResult.NotRendered;
import java.util.Optional;

/**
 * PROXY headers expected with no proxy trusted to send them: the one network rule found before
 * rendering, so its message can name the spec's fields rather than server.conf's keys. A running server
 * keeps its last good configuration (the reconciler's rule for every refusal) instead of being rolled into
 * a crash loop. Every other value the server would refuse, CIDRs included, is found after rendering by the
 * server's own checks from config-schema ({@code ServerConfRefused}). Pure.
 */
public final class NetworkCheck {

    /** Condition reason: PROXY headers are expected but no proxy is trusted to send them. */
    public static final String PROXY_TRUST_REQUIRED = "ProxyTrustRequired";

    private NetworkCheck() {
    }

    public static Optional<NotRendered> check(DoorOptions opts) {
        if (opts != null && Boolean.TRUE.equals(opts.proxyProtocol) && (opts.proxyTrusted == null || opts.proxyTrusted.isEmpty())) {
            return Optional.of(new NotRendered(PROXY_TRUST_REQUIRED, "spec.doorOptions.proxyProtocol is on but"
                    + " spec.doorOptions.proxyTrusted is empty: anyone reaching the port could claim any source address"
                    + " in a PROXY header and walk through allowedSubnets, and the server refuses to start so; list the"
                    + " CIDRs of your load balancers (e.g. 10.0.0.0/24) or turn proxyProtocol off"));
        }
        return Optional.empty();
    }
}
