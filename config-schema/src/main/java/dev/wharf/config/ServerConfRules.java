package dev.wharf.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The rules between keys of one server.conf (and the few single-key rules a type cannot say), checked by
 * the server's settings as they read a key and by the operator's tests on every file it renders: the one
 * definition of each. Each rule names the key it blames, so the error carries that key's line.
 */
public final class ServerConfRules {

    /** A broken rule: the key whose line the error names, and the message (which names the keys). */
    public record Problem(String key, String message) {}

    /**
     * What a rule sees: the value of a key as the server would use it, the file's value or else the
     * declared default; empty when neither (or the value is malformed, which the key's own check reports).
     */
    public interface Values {
        Optional<String> set(String key);

        Optional<String> declaredDefault(String key);

        default Optional<String> value(String key) {
            return set(key).or(() -> declaredDefault(key));
        }

        default boolean isTrue(String key) {
            return value(key).map(v -> List.of("true", "yes", "on").contains(v.toLowerCase(Locale.ROOT))).orElse(false);
        }

        default Optional<Long> number(String key) {
            try {
                return value(key).map(Long::parseLong);
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
    }

    private record Rule(List<String> keys, Function<Values, Optional<Problem>> check) {}

    private static final String USER_NAME = "[A-Za-z0-9._@+-]{1,256}";

    private static final List<Rule> RULES = List.of(
            new Rule(List.of("limits.reserved-for-authenticated", "limits.clients"), v -> {
                Optional<Long> reserved = v.set("limits.reserved-for-authenticated").flatMap(x -> v.number("limits.reserved-for-authenticated"));
                Optional<Long> clients = v.number("limits.clients");
                return reserved.isPresent() && clients.isPresent() && reserved.get() >= clients.get()
                        ? blame("limits.reserved-for-authenticated", "limits.reserved-for-authenticated = " + reserved.get()
                                + " must be less than limits.clients (" + clients.get() + "), so a connection that has not"
                                + " logged in yet can still get a slot")
                        : Optional.empty();
            }),
            // An empty list would believe a PROXY header from any peer: anyone who reaches the port could
            // claim any source address and walk through net.allowed-subnets.
            new Rule(List.of("net.proxy-protocol", "net.proxy-trusted"), v ->
                    v.isTrue("net.proxy-protocol") && v.value("net.proxy-trusted").isEmpty()
                            ? blame("net.proxy-protocol", "net.proxy-trusted must list the CIDRs of your proxies when"
                                    + " net.proxy-protocol is true (e.g. net.proxy-trusted = 10.0.0.5/32); otherwise any peer"
                                    + " could claim any client address")
                            : Optional.empty()),
            new Rule(List.of("auth.failure-delay-max-ms", "auth.failure-delay-ms"), v -> {
                Optional<Long> max = v.set("auth.failure-delay-max-ms").flatMap(x -> v.number("auth.failure-delay-max-ms"));
                Optional<Long> delay = v.number("auth.failure-delay-ms");
                return max.isPresent() && delay.isPresent() && max.get() < delay.get()
                        ? blame("auth.failure-delay-max-ms", "auth.failure-delay-max-ms = " + max.get()
                                + " must be at least auth.failure-delay-ms (" + delay.get() + ")")
                        : Optional.empty();
            }),
            new Rule(List.of("anonymous.enabled", "anonymous.root"), v ->
                    v.isTrue("anonymous.enabled") && v.value("anonymous.root").isEmpty()
                            ? blame("anonymous.enabled", "anonymous.enabled = true needs anonymous.root (the read-only anonymous area)")
                            : Optional.empty()),
            new Rule(List.of("anonymous.user"), v ->
                    v.value("anonymous.user").filter(u -> !u.matches(USER_NAME))
                            .flatMap(u -> blame("anonymous.user", "anonymous.user '" + u + "' is not a valid user name"
                                    + " (1 to 256 of A-Z a-z 0-9 . _ @ + -)"))),
            new Rule(List.of("tls.certificate", "tls.key"), v ->
                    v.set("tls.certificate").isPresent() == v.set("tls.key").isPresent() ? Optional.empty()
                            : togetherProblem(v.set("tls.certificate").isPresent() ? "tls.certificate" : "tls.key")),
            doorRoot("dcap"),
            doorRoot("gsidcap"));

    private ServerConfRules() {}

    private static Rule doorRoot(String door) {
        return new Rule(List.of(door + ".enabled", "dcap.root", "storage.root"), v ->
                v.isTrue(door + ".enabled") && v.value("dcap.root").isEmpty() && v.value("storage.root").isEmpty()
                        ? blame(door + ".enabled", door + ".enabled = true needs dcap.root or storage.root (the directory"
                                + " dCap sessions are jailed in)")
                        : Optional.empty());
    }

    private static Optional<Problem> togetherProblem(String only) {
        return blame(only, "tls.certificate and tls.key must be set together (only " + only + " is set)");
    }

    private static Optional<Problem> blame(String key, String message) {
        return Optional.of(new Problem(key, message));
    }

    /** Every broken rule of a file. */
    public static List<Problem> problems(Values values) {
        return check(RULES, values);
    }

    /** The broken rules that involve {@code key} (what a settings record reading it must refuse). */
    public static List<Problem> problemsInvolving(String key, Values values) {
        return check(RULES.stream().filter(r -> r.keys().contains(key)).toList(), values);
    }

    private static List<Problem> check(List<Rule> rules, Values values) {
        List<Problem> problems = new ArrayList<>();
        for (Rule rule : rules) {
            rule.check().apply(values).ifPresent(problems::add);
        }
        return problems;
    }

    /** {@link Values} over a file's set values and the declared schema. */
    public static Values of(Function<String, Optional<String>> set, Function<String, Optional<ConfigKey>> declarations) {
        return new Values() {
            @Override
            public Optional<String> set(String key) {
                return set.apply(key).filter(s -> !s.isBlank()).map(String::strip);
            }

            @Override
            public Optional<String> declaredDefault(String key) {
                return declarations.apply(key).map(ConfigKey::defaultValue);
            }
        };
    }
}
