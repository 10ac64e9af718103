package dev.wharf.operator.reconcile.policy;

import dev.wharf.operator.api.TransferServerSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;
import java.math.BigInteger;

/** A TransferServer's resources as the pool's caps count them, with the spec's defaults. */
final class Resources {

    private static final BigInteger GI = BigInteger.ONE.shiftLeft(30);
    private static final BigInteger MI = BigInteger.ONE.shiftLeft(20);

    private Resources() {
    }

    static int cpus(TransferServerSpec spec) {
        return spec.cpus == null ? 2 : spec.cpus;
    }

    static int nodes(TransferServerSpec spec) {
        return spec.nodes == null ? 1 : spec.nodes;
    }

    static String memoryText(TransferServerSpec spec) {
        return spec.memory == null ? "4Gi" : spec.memory;
    }

    /** Bytes per pod. */
    static BigDecimal memory(TransferServerSpec spec) {
        return Quantity.getAmountInBytes(new Quantity(memoryText(spec)));
    }

    /** Bytes as a quantity a person reads: 12Gi, 1536Mi, or plain bytes. */
    static String quantity(BigDecimal bytes) {
        BigInteger b = bytes.toBigInteger();
        if (b.signum() > 0 && b.mod(GI).signum() == 0) {
            return b.divide(GI) + "Gi";
        }
        if (b.signum() > 0 && b.mod(MI).signum() == 0) {
            return b.divide(MI) + "Mi";
        }
        return b.toString();
    }
}
