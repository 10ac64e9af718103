package dev.wharf.deploy.e2e;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads a Wharf resource's status the way {@code kubectl wait --for=condition=Ready} would, but also
 * insists that the status describes the current generation, so an old Ready never counts.
 */
public record Readiness(State state, String reason, String message) {

    public enum State { READY, PROGRESSING, DEGRADED, UNKNOWN }

    @SuppressWarnings("unchecked")
    public static Readiness of(GenericKubernetesResource resource) {
        Object statusObj = resource.getAdditionalProperties().get("status");
        if (!(statusObj instanceof Map<?, ?> status)) {
            return new Readiness(State.UNKNOWN, "NoStatus", "the operator has not written a status yet");
        }
        Long generation = resource.getMetadata().getGeneration();
        Object observed = status.get("observedGeneration");
        if (generation != null && (observed == null || ((Number) observed).longValue() < generation)) {
            return new Readiness(State.UNKNOWN, "Stale", "status describes generation " + observed + ", spec is at " + generation);
        }
        List<Map<String, Object>> conditions = status.get("conditions") instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
        Map<String, Object> ready = find(conditions, "Ready");
        Map<String, Object> degraded = find(conditions, "Degraded");
        if (ready != null && "True".equals(ready.get("status"))) {
            return new Readiness(State.READY, str(ready.get("reason")), str(ready.get("message")));
        }
        if (degraded != null && "True".equals(degraded.get("status"))) {
            return new Readiness(State.DEGRADED, str(degraded.get("reason")), str(degraded.get("message")));
        }
        Map<String, Object> any = ready != null ? ready : find(conditions, "Progressing");
        return any == null
                ? new Readiness(State.UNKNOWN, "NoConditions", "no Ready condition yet")
                : new Readiness(State.PROGRESSING, str(any.get("reason")), str(any.get("message")));
    }

    public boolean ready() {
        return state == State.READY;
    }

    private static Map<String, Object> find(List<Map<String, Object>> conditions, String type) {
        return conditions.stream().filter(c -> type.equals(c.get("type"))).findFirst().orElse(null);
    }

    private static String str(Object o) {
        return Objects.toString(o, "");
    }

    @Override
    public String toString() {
        return state + " (" + reason + "): " + message;
    }
}
