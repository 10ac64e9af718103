package dev.wharf.server.krb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.server.config.ConfigException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PrincipalMapTest {

    static PrincipalMap map(String... lines) {
        return PrincipalMap.parse(List.of(lines), "map", "EXAMPLE.ORG");
    }

    @Test
    void listedPrincipalsMapToTheirAccountBeforeTheRealmRule() {
        PrincipalMap m = map("# operators", "", "alice@EXAMPLE.ORG  atlas-prod", "bob@OTHER.ORG bob");
        assertEquals(Optional.of("atlas-prod"), m.account("alice@EXAMPLE.ORG"));
        assertEquals(Optional.of("bob"), m.account("bob@OTHER.ORG"));
    }

    @Test
    void aOneComponentPrincipalOfTheDefaultRealmIsItsUser() {
        assertEquals(Optional.of("carol"), map().account("carol@EXAMPLE.ORG"));
    }

    @Test
    void otherRealmsInstancesAndNamesWithoutRealmAreUnmapped() {
        PrincipalMap m = map();
        assertEquals(Optional.empty(), m.account("carol@OTHER.ORG"));
        assertEquals(Optional.empty(), m.account("carol/admin@EXAMPLE.ORG"));
        assertEquals(Optional.empty(), m.account("host/node1.example.org@EXAMPLE.ORG"));
        assertEquals(Optional.empty(), m.account("carol"));
    }

    @Test
    void malformedAndRepeatedLinesAreErrorsNamingTheLine() {
        ConfigException shape = assertThrows(ConfigException.class, () -> map("alice@EXAMPLE.ORG"));
        assertTrue(shape.getMessage().startsWith("map:1: "), shape.getMessage());
        ConfigException realm = assertThrows(ConfigException.class, () -> map("", "alice atlas"));
        assertTrue(realm.getMessage().startsWith("map:2: "), realm.getMessage());
        ConfigException twice = assertThrows(ConfigException.class, () -> map("a@X.ORG a", "a@X.ORG b"));
        assertTrue(twice.getMessage().contains("already mapped on line 1"), twice.getMessage());
    }
}
