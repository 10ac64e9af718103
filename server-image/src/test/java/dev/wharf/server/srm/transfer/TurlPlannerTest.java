package dev.wharf.server.srm.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TurlPlannerTest {

    static final Path ROOT = Path.of("/srv/data");

    /** Doors listening on {@code listen} at the given ports; the data interface elsewhere. */
    static TurlPlanner planner(Map<String, Integer> doors, String listen, String dataInterface, Optional<String> turlHost,
                               Optional<Path> dcapRoot) throws Exception {
        InetAddress bound = InetAddress.getByName(listen);
        return new TurlPlanner(d -> Optional.ofNullable(doors.get(d)).map(port -> new InetSocketAddress(bound, port)),
                turlHost, InetAddress.getByName(dataInterface), dcapRoot);
    }

    static TurlPlanner planner(Map<String, Integer> doors, String listen, Optional<String> turlHost,
                               Optional<Path> dcapRoot) throws Exception {
        return planner(doors, listen, "127.0.0.9", turlHost, dcapRoot);
    }

    @Test
    void aClientThatAsksNothingGetsGsiftpWhereItsDoorListens() throws Exception {
        TurlPlanner p = planner(Map.of("gridftp", 2811), "127.0.0.2", Optional.empty(), Optional.empty());
        TurlScheme s = p.choose(List.of(), false, ROOT).scheme().orElseThrow();
        assertEquals(TurlScheme.GSIFTP, s);
        assertEquals("gsiftp://127.0.0.2:2811/data/a%20b.root",
                p.turl(s, "/data/a b.root").toASCIIString());
    }

    @Test
    void theClientsOrderDecidesAmongServedProtocolsAndUnknownOnesAreSkipped() throws Exception {
        TurlPlanner p = planner(Map.of("gridftp", 2811, "dcap", 22125, "gsidcap", 22128), "127.0.0.1", Optional.empty(),
                Optional.of(ROOT));
        assertEquals(TurlScheme.DCAP, p.choose(List.of("rfio", "dcap", "gsiftp"), false, ROOT).scheme().orElseThrow());
        assertEquals(TurlScheme.GSIDCAP, p.choose(List.of("gsidcap", "gsiftp"), true, ROOT).scheme().orElseThrow());
        assertEquals("dcap://127.0.0.1:22125/f", p.turl(TurlScheme.DCAP, "/f").toString());
    }

    @Test
    void plainDcapIsNeverHandedOutForPutsItsSessionsAreAnonymous() throws Exception {
        TurlPlanner p = planner(Map.of("gridftp", 2811, "dcap", 22125), "127.0.0.1", Optional.empty(), Optional.of(ROOT));
        assertEquals(TurlScheme.GSIFTP, p.choose(List.of("dcap", "gsiftp"), true, ROOT).scheme().orElseThrow());
        TurlPlanner.Choice only = p.choose(List.of("dcap"), true, ROOT);
        assertTrue(only.scheme().isEmpty());
        assertTrue(only.refusal().contains("served: gsiftp"), only.refusal());
    }

    @Test
    void dcapIsOfferedOnlyWhenItsRootIsTheSessionsRoot() throws Exception {
        TurlPlanner p = planner(Map.of("gridftp", 2811, "dcap", 22125), "127.0.0.1", Optional.empty(),
                Optional.of(Path.of("/srv/other")));
        assertEquals(TurlScheme.GSIFTP, p.choose(List.of("dcap", "gsiftp"), false, ROOT).scheme().orElseThrow());
        assertEquals(List.of("gsiftp"), p.served(false, ROOT));
    }

    @Test
    void nothingAskedIsServedIsARefusal() throws Exception {
        TurlPlanner p = planner(Map.of("gridftp", 2811), "127.0.0.1", Optional.empty(), Optional.empty());
        TurlPlanner.Choice c = p.choose(List.of("rfio", "dcap", "https"), false, ROOT);
        assertTrue(c.scheme().isEmpty());
        assertTrue(c.refusal().contains("rfio, dcap, https"), c.refusal());
        TurlPlanner none = planner(Map.of(), "127.0.0.1", Optional.empty(), Optional.empty());
        assertTrue(none.choose(List.of(), false, ROOT).scheme().isEmpty());
    }

    @Test
    void aDoorOnAWildcardAddressIsNamedByTheDataInterfaceAndTurlHostOverridesAll() throws Exception {
        TurlPlanner wildcard = planner(Map.of("gridftp", 2811), "0.0.0.0", "127.0.0.3", Optional.empty(), Optional.empty());
        assertEquals("gsiftp://127.0.0.3:2811/f",
                wildcard.turl(TurlScheme.GSIFTP, "/f").toString());
        TurlPlanner named = planner(Map.of("gridftp", 2811), "127.0.0.2", Optional.of("localhost"), Optional.empty());
        assertEquals("gsiftp://localhost:2811/f", named.turl(TurlScheme.GSIFTP, "/f").toString());
        TurlPlanner v6 = planner(Map.of("gridftp", 2811), "::1", Optional.empty(), Optional.empty());
        assertEquals("gsiftp://[0:0:0:0:0:0:0:1]:2811/f", v6.turl(TurlScheme.GSIFTP, "/f").toString());
    }
}
