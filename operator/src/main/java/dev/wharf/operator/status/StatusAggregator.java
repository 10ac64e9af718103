package dev.wharf.operator.status;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Builds the {@code Ready}/{@code Progressing}/{@code Degraded} conditions of one reconciliation
 * from what the reconciler found, starting from the conditions already in status.
 *
 * <p>Rules: any {@link #degraded} finding makes Degraded=True and Ready=False (Ready follows the pods
 * instead after {@link #stillServing}) and stops Progressing; a {@link #notReady} finding makes Ready=False only; {@link #progressing} makes
 * Progressing=True. Several findings of one kind are joined with "; " (first reason wins). Every
 * condition carries the resource's generation as observedGeneration, and keeps its
 * lastTransitionTime when status, reason and message are unchanged, so an unchanged resource
 * yields {@link Conditions#changed()} false and the reconciler writes nothing.
 */
public final class StatusAggregator {

    private final Map<String, Condition> previous = new LinkedHashMap<>();
    private final long generation;
    private final Instant now;
    private final Findings errors = new Findings();
    private final Findings waits = new Findings();
    private final Findings progress = new Findings();
    private boolean serving;
    private String readyReason = "Ready";
    private String readyMessage = "";

    private StatusAggregator(List<Condition> current, long generation, Instant now) {
        if (current != null) {
            current.forEach(c -> previous.put(c.getType(), c));
        }
        this.generation = generation;
        this.now = now.truncatedTo(ChronoUnit.SECONDS);
    }

    public static StatusAggregator from(List<Condition> current, Long generation, Instant now) {
        return new StatusAggregator(current, generation == null ? 0 : generation, now);
    }

    /** Something only the user or admin can fix. */
    public StatusAggregator degraded(String reason, String message) {
        errors.add(reason, message);
        return this;
    }

    /**
     * The Degraded findings leave the running workload as it was (its last good configuration): Ready
     * then follows the pods instead of the findings, so a user sees both that it serves and what is wrong.
     */
    public StatusAggregator stillServing() {
        serving = true;
        return this;
    }

    /** Not serving yet, nothing wrong (pods starting, node not ready). */
    public StatusAggregator notReady(String reason, String message) {
        waits.add(reason, message);
        return this;
    }

    /** Work under way (objects created or changed, a roll in progress). */
    public StatusAggregator progressing(String reason, String message) {
        progress.add(reason, message);
        return this;
    }

    /** Reason and message of Ready=True, when nothing else is reported. */
    public StatusAggregator ready(String reason, String message) {
        readyReason = reason;
        readyMessage = message;
        return this;
    }

    public Conditions build() {
        List<Condition> built = List.of(readyCondition(), progressingCondition(), degradedCondition());
        boolean changed = previous.size() != built.size()
                || built.stream().anyMatch(c -> !sameCondition(c, previous.get(c.getType())));
        return new Conditions(built, changed);
    }

    private Condition readyCondition() {
        if (!errors.isEmpty() && !serving) {
            return condition(ConditionType.READY, false, errors.reason(), errors.message());
        }
        if (!waits.isEmpty()) {
            return condition(ConditionType.READY, false, waits.reason(), waits.message());
        }
        return condition(ConditionType.READY, true, readyReason, readyMessage);
    }

    private Condition progressingCondition() {
        if (!errors.isEmpty()) {
            return condition(ConditionType.PROGRESSING, false, "Degraded", "blocked until the Degraded condition is fixed");
        }
        if (!progress.isEmpty()) {
            return condition(ConditionType.PROGRESSING, true, progress.reason(), progress.message());
        }
        return condition(ConditionType.PROGRESSING, false, "Stable", "");
    }

    private Condition degradedCondition() {
        if (!errors.isEmpty()) {
            return condition(ConditionType.DEGRADED, true, errors.reason(), errors.message());
        }
        return condition(ConditionType.DEGRADED, false, "AsExpected", "");
    }

    private Condition condition(ConditionType type, boolean status, String reason, String message) {
        String statusText = status ? "True" : "False";
        Condition old = previous.get(type.wireName());
        boolean transition = old == null
                || !statusText.equals(old.getStatus())
                || !reason.equals(old.getReason())
                || !message.equals(Objects.toString(old.getMessage(), ""));
        String time = transition || old.getLastTransitionTime() == null ? now.toString() : old.getLastTransitionTime();
        return new ConditionBuilder()
                .withType(type.wireName())
                .withStatus(statusText)
                .withReason(reason)
                .withMessage(message)
                .withObservedGeneration(generation)
                .withLastTransitionTime(time)
                .build();
    }

    private static boolean sameCondition(Condition a, Condition b) {
        return b != null
                && Objects.equals(a.getStatus(), b.getStatus())
                && Objects.equals(a.getReason(), b.getReason())
                && Objects.equals(a.getMessage(), Objects.toString(b.getMessage(), ""))
                && Objects.equals(a.getObservedGeneration(), b.getObservedGeneration())
                && Objects.equals(a.getLastTransitionTime(), b.getLastTransitionTime());
    }

    /** The built conditions and whether they differ from the ones the resource had. */
    public record Conditions(List<Condition> conditions, boolean changed) {
        public Condition get(ConditionType type) {
            return conditions.stream().filter(c -> c.getType().equals(type.wireName())).findFirst().orElseThrow();
        }
    }

    /** Findings of one kind, in the order reported, duplicates dropped. */
    private static final class Findings {
        private final List<String> reasons = new ArrayList<>();
        private final Set<String> messages = new LinkedHashSet<>();

        void add(String reason, String message) {
            reasons.add(reason);
            messages.add(message);
        }

        boolean isEmpty() {
            return reasons.isEmpty();
        }

        String reason() {
            return reasons.get(0);
        }

        String message() {
            return String.join("; ", messages);
        }
    }
}
