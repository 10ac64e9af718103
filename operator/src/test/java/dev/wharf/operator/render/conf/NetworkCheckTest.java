package dev.wharf.operator.render.conf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.operator.api.DoorOptions;
import dev.wharf.operator.render.Fixtures;
import dev.wharf.operator.render.RenderResult.NotRendered;
import dev.wharf.operator.render.TransferServerRenderer;
import dev.wharf.operator.render.ports.PortAllocationResult;
import dev.wharf.operator.api.TransferServer;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** PROXY headers only from listed proxies (issue 15), and CIDRs the server can parse. */
class NetworkCheckTest {

    private static DoorOptions proxy(List<String> trusted) {
        DoorOptions o = new DoorOptions();
        o.proxyProtocol = true;
        o.proxyTrusted = trusted;
        return o;
    }

    @Test
    void proxyProtocolWithoutTrustedProxiesIsRefused() {
        for (List<String> none : java.util.Arrays.asList(null, List.<String>of())) {
            NotRendered refused = NetworkCheck.check(proxy(none)).orElseThrow();
            assertEquals(NetworkCheck.PROXY_TRUST_REQUIRED, refused.reason());
            assertTrue(refused.message().contains("spec.doorOptions.proxyTrusted is empty"), refused.message());
        }
        assertEquals(Optional.empty(), NetworkCheck.check(proxy(List.of("10.0.0.0/24", "2001:db8::/48"))));
        DoorOptions off = new DoorOptions();
        assertEquals(Optional.empty(), NetworkCheck.check(off), "no PROXY, nothing to trust");
        assertEquals(Optional.empty(), NetworkCheck.check(null));
    }

    @Test
    void theRendererRefusesItBeforeAnythingIsMade() {
        TransferServer ts = Fixtures.gridServer();
        ts.getSpec().doorOptions = proxy(null);
        NotRendered refused = (NotRendered) TransferServerRenderer.render(ts, Fixtures.pool(),
                new PortAllocationResult.Allocated(Fixtures.gridPorts()), Fixtures.gridSecrets(), List.of(), Fixtures.SETTINGS);
        assertEquals("ProxyTrustRequired", refused.reason());
    }

    @Test
    void theTrustedProxiesAreRendered() {
        TransferServer ts = Fixtures.gridServer();
        ts.getSpec().doorOptions = proxy(List.of("10.0.0.0/24", "2001:db8::/48"));
        ServerConf conf = ServerConfRenderer.render(ts, Fixtures.pool(), Fixtures.gridPorts());
        ServerAccepts.check(conf, "NetworkCheckTest");
        assertEquals("true", conf.keys().get("net.proxy-protocol"));
        assertEquals("10.0.0.0/24,2001:db8::/48", conf.keys().get("net.proxy-trusted"));
        assertTrue(!ServerConfRenderer.render(Fixtures.gridServer(), Fixtures.pool(), Fixtures.gridPorts()).keys()
                .containsKey("net.proxy-trusted"), "nothing trusted, nothing written");
    }

    /**
     * The CRD's pattern checks the shape only; these pass it and would stop the server at start. They are
     * found by the server's own parser (config-schema), the one CIDR parser both sides use.
     */
    @Test
    void cidrsTheServerCannotParseAreRefusedWithTheirKey() {
        for (String bad : List.of("300.0.0.0/8", "10.0.0.0/33", "2001:db8::/129", "2001:db8:::1/64", "fe80::zz/64")) {
            TransferServer ts = Fixtures.gridServer();
            ts.getSpec().doorOptions = proxy(List.of("10.0.0.0/8", bad));
            NotRendered refused = (NotRendered) TransferServerRenderer.render(ts, Fixtures.pool(),
                    new PortAllocationResult.Allocated(Fixtures.gridPorts()), Fixtures.gridSecrets(), List.of(), Fixtures.SETTINGS);
            assertEquals("ServerConfRefused", refused.reason(), bad);
            assertTrue(refused.message().contains("net.proxy-trusted: '" + bad + "'"), refused.message());
        }
        TransferServer ts = Fixtures.gridServer();
        ts.getSpec().doorOptions = proxy(List.of("0.0.0.0/0", "255.255.255.255/32", "::/0", "::1/128", "2001:db8::/32",
                "10.0.0.1"));
        ServerAccepts.check(ServerConfRenderer.render(ts, Fixtures.pool(), Fixtures.gridPorts()), "NetworkCheckTest good CIDRs");
    }
}
