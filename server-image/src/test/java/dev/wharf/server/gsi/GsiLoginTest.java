package dev.wharf.server.gsi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.wharf.server.auth.Identity;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GsiLoginTest {

    private static final String JANE = "/C=XX/O=Wharf Test/OU=People/CN=Jane Doe";
    private static final Optional<GridMap> MAP = Optional.of(GridMapParser.parse(
            List.of("\"" + JANE + "\" jdoe,shared"), "grid-mapfile"));

    @Test
    void globusMappingTakesTheFirstAccount() throws Exception {
        Identity id = GsiLogin.identify(JANE, GsiLogin.GLOBUS_MAPPING, MAP);
        assertEquals(JANE, id.principal());
        assertEquals(Identity.Method.GSI, id.method());
        assertEquals("jdoe", id.localAccount());
    }

    @Test
    void anExplicitAccountMustBeListed() throws Exception {
        assertEquals("shared", GsiLogin.identify(JANE, "shared", MAP).localAccount());
        assertEquals("grid-mapfile does not allow " + JANE + " to log in as 'root'",
                assertThrows(LoginRefusedException.class, () -> GsiLogin.identify(JANE, "root", MAP)).getMessage());
    }

    @Test
    void anUnmappedDnIsRefused() {
        assertEquals("DN not in the grid-mapfile: /CN=Stranger", assertThrows(LoginRefusedException.class,
                () -> GsiLogin.identify("/CN=Stranger", GsiLogin.GLOBUS_MAPPING, MAP)).getMessage());
    }

    @Test
    void withoutAGridMapTheDnLogsInAsItself() throws Exception {
        Identity id = GsiLogin.identify(JANE, GsiLogin.GLOBUS_MAPPING, Optional.empty());
        assertEquals(JANE, id.principal());
        assertNull(id.localAccount());
        assertThrows(LoginRefusedException.class, () -> GsiLogin.identify(JANE, "jdoe", Optional.empty()));
    }
}
