package dev.wharf.deploy.helm;

import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The RBAC rules the operator declares for itself in application.properties
 * ({@code quarkus.kubernetes.rbac.cluster-roles.NAME.policy-rules.ID.*} and {@code roles.NAME...}), as
 * flat grants {@code SCOPE GROUP/RESOURCE VERB} so two rule sets compare however they are grouped.
 */
final class OperatorRbac {
    private static final Pattern KEY = Pattern.compile(
            "quarkus\\.kubernetes\\.rbac\\.(cluster-roles|roles)\\.([^.]+)\\.policy-rules\\.([^.]+)\\.(api-groups|resources|verbs)");

    private OperatorRbac() {}

    /** Grants per role, keyed {@code cluster-roles/NAME} or {@code roles/NAME}. */
    static Map<String, Set<String>> grants(Path applicationProperties) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(applicationProperties)) {
            p.load(r);
        }
        Map<String, Map<String, Map<String, String>>> byRole = new java.util.TreeMap<>();
        for (String key : p.stringPropertyNames()) {
            Matcher m = KEY.matcher(key);
            if (m.matches()) {
                byRole.computeIfAbsent(m.group(1) + "/" + m.group(2), k -> new java.util.TreeMap<>())
                        .computeIfAbsent(m.group(3), k -> new java.util.HashMap<>())
                        .put(m.group(4), p.getProperty(key));
            }
        }
        Map<String, Set<String>> out = new java.util.TreeMap<>();
        byRole.forEach((role, rules) -> {
            Set<String> grants = new TreeSet<>();
            rules.values().forEach(rule -> grants.addAll(flatten(split(rule.getOrDefault("api-groups", "")),
                    split(rule.get("resources")), split(rule.get("verbs")))));
            out.put(role, grants);
        });
        return out;
    }

    static Set<String> flatten(List<PolicyRule> rules) {
        Set<String> grants = new TreeSet<>();
        rules.forEach(r -> grants.addAll(flatten(r.getApiGroups(), r.getResources(), r.getVerbs())));
        return grants;
    }

    private static Set<String> flatten(List<String> groups, List<String> resources, List<String> verbs) {
        Set<String> out = new TreeSet<>();
        for (String g : groups.isEmpty() ? List.of("") : groups) {
            for (String res : resources) {
                for (String v : verbs) {
                    out.add(g + "/" + res + " " + v);
                }
            }
        }
        return out;
    }

    private static List<String> split(String csv) {
        return csv == null || csv.isBlank() ? List.of() : Arrays.stream(csv.split(",")).map(String::strip).toList();
    }
}
