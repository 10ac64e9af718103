package dev.wharf.server.srm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * srmGetTransferProtocols on a whole server (the door table's wiring, real sockets, a Java httpg client): it
 * names what the prepare calls would hand the session out, so a dCap scheme only when the session is jailed at
 * dcap.root (elsewhere a dCap TURL's path would name another file, and srmPrepareToGet refuses it).
 */
class SrmTransferProtocolsTest {

    private static final Pattern PROTOCOL = Pattern.compile("<transferProtocol>([^<]*)</transferProtocol>");

    @TempDir
    Path tmp;

    private static List<String> protocols(SrmTestServer server) throws Exception {
        try (HttpgTestClient c = HttpgTestClient.connect(server.port("srm"), server.pki(), server.pki().user(), false)) {
            HttpgTestClient.Answer a = c.post(SrmSettings.ENDPOINT, SrmSessions.envelope("srmGetTransferProtocols",
                    "<srmGetTransferProtocolsRequest/>"));
            assertEquals(200, a.status(), a.body());
            assertTrue(a.body().contains("SRM_SUCCESS"), a.body());
            List<String> names = new ArrayList<>();
            Matcher m = PROTOCOL.matcher(a.body());
            while (m.find()) {
                names.add(m.group(1));
            }
            return names;
        }
    }

    private SrmTestServer serverWithDcapAt(Path dcapRoot) throws Exception {
        return SrmTestServer.start(tmp, Map.of("gridftp.enabled", "true", "gridftp.port", "0",
                "dcap.enabled", "true", "dcap.port", "0", "dcap.root", dcapRoot.toString()));
    }

    @Test
    void dcapIsNotListedForASessionJailedElsewhere() throws Exception {
        try (SrmTestServer server = serverWithDcapAt(Files.createDirectories(tmp.resolve("dcap-only")))) {
            assertEquals(List.of("gsiftp"), protocols(server));
        }
    }

    @Test
    void dcapIsListedWhenItsRootIsTheSessionsRoot() throws Exception {
        try (SrmTestServer server = serverWithDcapAt(tmp.resolve("data"))) {
            assertEquals(List.of("gsiftp", "dcap"), protocols(server));
        }
    }
}
