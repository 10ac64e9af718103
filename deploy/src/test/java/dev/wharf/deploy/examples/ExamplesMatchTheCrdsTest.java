package dev.wharf.deploy.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wharf.deploy.RepoPaths;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every Wharf object in examples/ is valid against the CRD schemas in crds/, and the validator can tell. */
class ExamplesMatchTheCrdsTest {
    private static CrdSchemas schemas;

    @BeforeAll
    static void loadCrds() {
        schemas = CrdSchemas.load(RepoPaths.resolve("crds"));
    }

    @Test
    void bothKindsHaveASchema() {
        assertTrue(schemas.types().contains("wharf.dev/v1alpha1/StoragePool"), schemas.types().toString());
        assertTrue(schemas.types().contains("wharf.dev/v1alpha1/TransferServer"), schemas.types().toString());
    }

    @TestFactory
    List<DynamicTest> everyWharfExampleIsValid() {
        List<Examples.Document> docs = Examples.all().stream().filter(Examples.Document::isWharf).toList();
        assertFalse(docs.isEmpty(), "no Wharf objects in examples/");
        return docs.stream().map(d -> DynamicTest.dynamicTest(d.toString(),
                () -> assertEquals(List.of(), schemas.validate(d.object()), d.toString()))).toList();
    }

    @Test
    void rejectsAMisspelledField() {
        assertInvalid(ts -> ((ObjectNode) ts.path("spec").path("doors").path("ftp")).put("prot", 2121), "prot");
    }

    @Test
    void rejectsAValueOutsideAnEnum() {
        assertInvalid(ts -> ((ObjectNode) ts.path("spec")).put("pinning", "sometimes"), "pinning");
    }

    @Test
    void rejectsANumberOutOfRange() {
        assertInvalid(ts -> ((ObjectNode) ts.path("spec")).put("cpus", 0), "cpus");
    }

    @Test
    void rejectsAWrongType() {
        assertInvalid(ts -> ((ObjectNode) ts.path("spec")).put("nodes", "two"), "nodes");
    }

    @Test
    void rejectsAMissingRequiredField() {
        assertInvalid(ts -> ((ObjectNode) ts.path("spec")).remove("pool"), "pool");
    }

    @Test
    void evaluatesTheCelRules() {
        assertInvalid(ts -> ((ObjectNode) ts.path("spec").path("doors").path("ftp")).put("port", 70000), "port must be 'auto'");
        assertInvalid(ts -> ((ObjectNode) ts.path("spec").path("doors").path("ftp")).put("port", "any"), "port must be 'auto'");
        assertInvalid(ts -> ((ObjectNode) ts.path("spec")).putObject("doors"), "at least one enabled door");
        JsonNode pool = Examples.all().stream().filter(d -> d.kind().equals("StoragePool")).findFirst().orElseThrow().object().deepCopy();
        assertEquals(List.of(), schemas.validate(pool));
        ((ObjectNode) pool.at("/spec/ports/data")).put("first", 2850);
        List<String> problems = schemas.validate(pool);
        assertTrue(problems.stream().anyMatch(p -> p.contains("must not overlap")), problems.toString());
    }

    @Test
    void aDoorThatIsListedButDisabledDoesNotCountAsADoor() {
        assertInvalid(ts -> ((ObjectNode) ts.path("spec")).putObject("doors").putObject("ftp").put("enabled", false),
                "at least one enabled door");
        JsonNode ts = passwordServer();
        ObjectNode doors = ((ObjectNode) ts.path("spec")).putObject("doors");
        doors.putObject("ftp").put("enabled", false);
        doors.putObject("ftps");
        assertEquals(List.of(), schemas.validate(ts), "a listed door without 'enabled' is enabled (the default)");
    }

    @Test
    void acceptsPortsAsAutoOrANumber() {
        JsonNode ts = passwordServer();
        ((ObjectNode) ts.path("spec").path("doors").path("ftp")).put("port", 2121);
        assertEquals(List.of(), schemas.validate(ts));
        ((ObjectNode) ts.path("spec").path("doors").path("ftp")).put("port", "auto");
        assertEquals(List.of(), schemas.validate(ts));
        ((ObjectNode) ts.path("spec").path("doors").path("ftp")).put("port", true);
        assertFalse(schemas.validate(ts).isEmpty(), "a boolean is neither an integer nor a string");
    }

    private static void assertInvalid(Consumer<JsonNode> breakIt, String mentioned) {
        JsonNode ts = passwordServer();
        assertEquals(List.of(), schemas.validate(ts), "the example itself is valid");
        breakIt.accept(ts);
        List<String> problems = schemas.validate(ts);
        assertFalse(problems.isEmpty(), "the broken copy must be rejected");
        assertTrue(problems.stream().anyMatch(p -> p.contains(mentioned)), problems.toString());
    }

    private static JsonNode passwordServer() {
        return Examples.all().stream()
                .filter(d -> d.kind().equals("TransferServer") && d.object().path("spec").path("authentication").has("passwordFile"))
                .findFirst().orElseThrow().object().deepCopy();
    }
}
