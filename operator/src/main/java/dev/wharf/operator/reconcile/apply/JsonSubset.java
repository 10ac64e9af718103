package dev.wharf.operator.reconcile.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.Map;

/**
 * Whether an object already holds every field of another: the "nothing to write" test of
 * {@link UpdateApplier}. Fields the API server adds (uid, resourceVersion, status, defaults) are
 * ignored because only the desired side's fields are looked at.
 */
public final class JsonSubset {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonSubset() {
    }

    public static boolean contains(Object existing, Object desired) {
        return contains(MAPPER.valueToTree(existing), MAPPER.<JsonNode>valueToTree(desired));
    }

    static boolean contains(JsonNode existing, JsonNode desired) {
        if (desired == null || desired.isNull()) {
            return true;
        }
        if (desired.isObject()) {
            return containsObject(existing, desired);
        }
        if (desired.isArray()) {
            return containsArray(existing, desired);
        }
        return existing != null && existing.equals(desired);
    }

    private static boolean containsObject(JsonNode existing, JsonNode desired) {
        if (existing == null || existing.isNull()) {
            return desired.isEmpty();
        }
        if (!existing.isObject()) {
            return false;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = desired.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!contains(existing.get(field.getKey()), field.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static boolean containsArray(JsonNode existing, JsonNode desired) {
        if (existing == null || existing.isNull()) {
            return desired.isEmpty();
        }
        if (!existing.isArray() || existing.size() != desired.size()) {
            return false;
        }
        for (int i = 0; i < desired.size(); i++) {
            if (!contains(existing.get(i), desired.get(i))) {
                return false;
            }
        }
        return true;
    }
}
