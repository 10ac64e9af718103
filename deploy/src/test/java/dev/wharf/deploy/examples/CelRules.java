package dev.wharf.deploy.examples;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates a CRD schema's {@code x-kubernetes-validations} rules on an object with Google's CEL for
 * Java, as the API server does: each rule runs with {@code self} bound to the value of the field that
 * carries it, and only where that field is present. The rules Wharf's CRDs use ({@code has},
 * {@code type}, {@code matches}, {@code exists}, arithmetic and comparisons) are all standard CEL.
 */
final class CelRules {
    private static final CelCompiler COMPILER = CelCompilerFactory.standardCelCompilerBuilder()
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .addVar("self", SimpleType.DYN).build();
    private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder().build();

    private CelRules() {}

    /** Messages of the rules {@code object} breaks, each prefixed with the JSON path of the field. */
    static List<String> violations(JsonNode schema, JsonNode object) {
        List<String> out = new ArrayList<>();
        visit(schema, object, "", out);
        return out;
    }

    private static void visit(JsonNode schema, JsonNode value, String path, List<String> out) {
        if (value == null || value.isMissingNode() || value.isNull()) {
            return;
        }
        for (JsonNode rule : schema.path("x-kubernetes-validations")) {
            if (!evaluate(rule.path("rule").asText(), value)) {
                out.add((path.isEmpty() ? "$" : path) + ": " + rule.path("message").asText(rule.path("rule").asText()));
            }
        }
        if (value.isObject()) {
            JsonNode props = schema.path("properties");
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode child = props.has(e.getKey()) ? props.get(e.getKey()) : schema.path("additionalProperties");
                if (child.isObject()) {
                    visit(child, e.getValue(), path + "." + e.getKey(), out);
                }
            }
        } else if (value.isArray() && schema.path("items").isObject()) {
            for (int i = 0; i < value.size(); i++) {
                visit(schema.path("items"), value.get(i), path + "[" + i + "]", out);
            }
        }
    }

    private static boolean evaluate(String rule, JsonNode self) {
        try {
            CelAbstractSyntaxTree ast = COMPILER.compile(rule).getAst();
            Object result = RUNTIME.createProgram(ast).eval(Map.of("self", toCel(self)));
            return Boolean.TRUE.equals(result);
        } catch (CelValidationException | CelEvaluationException e) {
            throw new IllegalStateException("CEL rule '" + rule + "' cannot be evaluated: " + e.getMessage(), e);
        }
    }

    /** JSON as the values CEL expects: maps, lists, int64, double, string, bool. */
    private static Object toCel(JsonNode n) {
        if (n.isObject()) {
            Map<String, Object> m = new LinkedHashMap<>();
            n.fields().forEachRemaining(e -> m.put(e.getKey(), toCel(e.getValue())));
            return m;
        }
        if (n.isArray()) {
            List<Object> l = new ArrayList<>();
            n.forEach(e -> l.add(toCel(e)));
            return l;
        }
        if (n.isIntegralNumber()) {
            return n.asLong();
        }
        if (n.isNumber()) {
            return n.asDouble();
        }
        if (n.isBoolean()) {
            return n.asBoolean();
        }
        return n.asText();
    }
}
