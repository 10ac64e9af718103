package dev.wharf.deploy.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi30;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The structural schemas of the CRDs in {@code crds/}, as JSON Schema the networknt validator can
 * evaluate (OpenAPI 3.0 dialect, so {@code nullable} is understood). Each CRD's openAPIV3Schema is
 * translated the way the API server reads it:
 * <ul>
 *   <li>an object with {@code properties} rejects any other field, as the API server's strict field
 *       validation does (it prunes them otherwise: a typo would be silently lost), unless it says
 *       {@code x-kubernetes-preserve-unknown-fields: true};</li>
 *   <li>{@code x-kubernetes-int-or-string: true} means an integer or a string;</li>
 *   <li>the root gets {@code apiVersion}, {@code kind} and {@code metadata}, which CRDs leave implicit.</li>
 * </ul>
 * The CEL rules ({@code x-kubernetes-validations}) are evaluated too ({@link CelRules}). Not checked:
 * {@code x-kubernetes-list-type} uniqueness.
 */
public final class CrdSchemas {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4,
            b -> b.metaSchema(OpenApi30.getInstance()).defaultMetaSchemaIri(OpenApi30.getInstance().getIri()));

    /** apiVersion + "/" + kind, e.g. {@code wharf.dev/v1alpha1/TransferServer}. */
    private final Map<String, JsonSchema> byType;
    /** The untranslated openAPIV3Schema per type, for the CEL rules. */
    private final Map<String, JsonNode> rawByType;

    private CrdSchemas(Map<String, JsonSchema> byType, Map<String, JsonNode> rawByType) {
        this.byType = Map.copyOf(byType);
        this.rawByType = Map.copyOf(rawByType);
    }

    public static CrdSchemas load(Path crdDir) {
        Map<String, JsonSchema> map = new HashMap<>();
        Map<String, JsonNode> raw = new HashMap<>();
        try (Stream<Path> files = Files.list(crdDir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yml") || f.toString().endsWith(".yaml")).sorted().toList()) {
                JsonNode crd = YAML.readTree(file.toFile());
                String group = crd.path("spec").path("group").asText();
                String kind = crd.path("spec").path("names").path("kind").asText();
                for (JsonNode version : crd.path("spec").path("versions")) {
                    JsonNode schema = version.path("schema").path("openAPIV3Schema");
                    if (schema.isMissingNode()) {
                        throw new IllegalStateException(file + ": version " + version.path("name").asText() + " has no openAPIV3Schema");
                    }
                    ObjectNode translated = translate(schema.deepCopy());
                    addRootFields(translated);
                    String type = group + "/" + version.path("name").asText() + "/" + kind;
                    map.put(type, FACTORY.getSchema(translated));
                    raw.put(type, schema);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read CRDs from " + crdDir, e);
        }
        if (map.isEmpty()) {
            throw new IllegalStateException("no CRDs in " + crdDir);
        }
        return new CrdSchemas(map, raw);
    }

    public Set<String> types() {
        return byType.keySet();
    }

    public boolean covers(JsonNode object) {
        return byType.containsKey(typeOf(object));
    }

    /** The problems found in one object (empty when it is valid); throws when no CRD defines its type. */
    public List<String> validate(JsonNode object) {
        JsonSchema schema = byType.get(typeOf(object));
        if (schema == null) {
            throw new IllegalArgumentException("no CRD for " + typeOf(object) + " (have " + byType.keySet() + ")");
        }
        Set<ValidationMessage> messages = schema.validate(object);
        List<String> problems = new java.util.ArrayList<>(messages.stream().map(ValidationMessage::getMessage).sorted().toList());
        if (problems.isEmpty()) {
            // CEL rules assume a structurally valid object, as on the API server.
            problems.addAll(CelRules.violations(rawByType.get(typeOf(object)), object));
        }
        return problems;
    }

    static String typeOf(JsonNode object) {
        return object.path("apiVersion").asText() + "/" + object.path("kind").asText();
    }

    /** Rewrites the Kubernetes extensions into plain JSON Schema, depth first. */
    static ObjectNode translate(ObjectNode schema) {
        if (schema.path("x-kubernetes-int-or-string").asBoolean(false)) {
            schema.remove("type");
            ArrayNode anyOf = schema.putArray("anyOf");
            anyOf.addObject().put("type", "integer");
            anyOf.addObject().put("type", "string");
        }
        JsonNode properties = schema.get("properties");
        if (properties instanceof ObjectNode props) {
            for (Iterator<Map.Entry<String, JsonNode>> it = props.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue() instanceof ObjectNode child) {
                    translate(child);
                }
            }
            if (!schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false) && !schema.has("additionalProperties")) {
                schema.put("additionalProperties", false);
            }
        }
        if (schema.get("items") instanceof ObjectNode items) {
            translate(items);
        }
        if (schema.get("additionalProperties") instanceof ObjectNode additional) {
            translate(additional);
        }
        for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
            if (schema.get(combinator) instanceof ArrayNode arr) {
                arr.forEach(n -> {
                    if (n instanceof ObjectNode o) {
                        translate(o);
                    }
                });
            }
        }
        return schema;
    }

    private static void addRootFields(ObjectNode root) {
        ObjectNode props = root.has("properties") ? (ObjectNode) root.get("properties") : root.putObject("properties");
        props.putObject("apiVersion").put("type", "string");
        props.putObject("kind").put("type", "string");
        ObjectNode metadata = props.putObject("metadata");
        metadata.put("type", "object");
        ObjectNode mprops = metadata.putObject("properties");
        mprops.putObject("name").put("type", "string").put("maxLength", 253)
                .put("pattern", "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$");
        mprops.putObject("namespace").put("type", "string");
        mprops.putObject("labels").put("type", "object").putObject("additionalProperties").put("type", "string");
        mprops.putObject("annotations").put("type", "object").putObject("additionalProperties").put("type", "string");
        metadata.set("required", JsonNodeFactory.instance.arrayNode().add("name"));
        root.set("required", mergedRequired(root.get("required"), "apiVersion", "kind", "metadata"));
    }

    private static ArrayNode mergedRequired(JsonNode existing, String... names) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        if (existing instanceof ArrayNode arr) {
            arr.forEach(out::add);
        }
        for (String n : names) {
            boolean present = false;
            for (JsonNode e : out) {
                present |= e.asText().equals(n);
            }
            if (!present) {
                out.add(n);
            }
        }
        return out;
    }
}
