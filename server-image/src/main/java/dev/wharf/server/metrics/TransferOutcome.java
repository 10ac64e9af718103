package dev.wharf.server.metrics;

/**
 * How a transfer ended, on every door: the {@code outcome} label of {@code wharf_transfers_total}
 * (docs/server.md). Completed: every byte moved and committed. Aborted: the client gave up (ABOR, a
 * closed control or data connection before the end). Failed: the server could not finish (storage,
 * protocol, checksum, refusal).
 */
public enum TransferOutcome {
    COMPLETED("completed"),
    ABORTED("aborted"),
    FAILED("failed");

    private final String label;

    TransferOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
