package dev.wharf.server.srm;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The door's operation table: WSDL operation name → handler, like {@code ftp.FtpCommands}. Immutable;
 * {@link #with} returns a larger table, so the transfer operations are added beside the namespace ones
 * without either knowing the other. Operations of the WSDL that are not in the table are answered with
 * {@code SRM_NOT_SUPPORTED} by the dispatcher.
 */
public final class SrmOperations {

    private final Map<String, SrmOperation<?, ?>> table;

    private SrmOperations(Map<String, SrmOperation<?, ?>> table) {
        this.table = Map.copyOf(table);
    }

    public static SrmOperations of(SrmOperation<?, ?>... operations) {
        return new SrmOperations(Map.of()).with(operations);
    }

    /** This table plus {@code operations}; a name already present is an error (two handlers for one call). */
    public SrmOperations with(SrmOperation<?, ?>... operations) {
        Map<String, SrmOperation<?, ?>> next = new LinkedHashMap<>(table);
        for (SrmOperation<?, ?> op : operations) {
            if (next.putIfAbsent(op.name(), op) != null) {
                throw new IllegalArgumentException("two handlers for " + op.name());
            }
            SrmTypes.requireKnown(op.name());
        }
        return new SrmOperations(next);
    }

    public Optional<SrmOperation<?, ?>> find(String name) {
        return Optional.ofNullable(table.get(name));
    }

    public Set<String> names() {
        return table.keySet();
    }
}
