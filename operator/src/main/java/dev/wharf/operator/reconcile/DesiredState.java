package dev.wharf.operator.reconcile;

import dev.wharf.operator.api.Endpoint;
import dev.wharf.operator.api.PortAllocationStatus;
import dev.wharf.operator.api.StoragePool;
import dev.wharf.operator.api.TransferServer;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What the reconciler asks of the pure render functions ({@code dev.wharf.operator.render}): ports,
 * objects and endpoint URLs. Everything here is a function of its arguments.
 */
public interface DesiredState {

    /** The ports for {@code ts}: its previous ones when still free, else new ones; empty when the pool is exhausted. */
    Allocation allocate(TransferServer ts, StoragePool pool, PortAllocationStatus previous,
            Collection<PortAllocationStatus> takenByOthers);

    /** Every object the TransferServer becomes, labelled with {@link Labels#selector}. */
    List<HasMetadata> render(TransferServer ts, StoragePool pool, PortAllocationStatus ports, Map<String, Secret> secrets);

    /** One URL per node and enabled door. */
    List<Endpoint> endpoints(TransferServer ts, PortAllocationStatus ports, List<String> nodes);

    /** Allocated ports, or why there are none. */
    record Allocation(PortAllocationStatus ports, String problem) {
        public static Allocation of(PortAllocationStatus ports) {
            return new Allocation(ports, null);
        }

        public static Allocation exhausted(String problem) {
            return new Allocation(null, problem);
        }

        public boolean ok() {
            return ports != null;
        }
    }
}
