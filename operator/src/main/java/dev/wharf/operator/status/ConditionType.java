package dev.wharf.operator.status;

/** The three condition types every Wharf resource reports (Kubernetes API conventions). */
public enum ConditionType {
    /** The resource does what it was asked to: all pods ready, endpoints published. */
    READY("Ready"),
    /** The operator is still moving towards the spec (creating, rolling, waiting for pods). */
    PROGRESSING("Progressing"),
    /** Something the user or admin must fix: invalid spec, missing pool or Secret, no ports left. */
    DEGRADED("Degraded");

    private final String wireName;

    ConditionType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
