package dev.wharf.operator.reconcile.observe;

import dev.wharf.operator.api.TransferServer;
import dev.wharf.operator.render.ObjectNames;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.ObjectReference;

/**
 * An Event of a transfer pod (in the data-plane namespace, where users cannot read) copied onto its
 * TransferServer (in the user's namespace, where {@code kubectl describe ts} shows it). The copy's name is
 * derived from the original's uid, so mirroring the same Event twice (another reconcile, an operator
 * restart) creates nothing new. Pure.
 */
public final class MirroredEvent {

    static final String COMPONENT = "wharf-operator";

    private MirroredEvent() {
    }

    /** Whether {@code event} is about one of {@code ts}'s pods ({@code <workload>-<ordinal>}). */
    public static boolean concerns(TransferServer ts, Event event) {
        ObjectReference o = event.getInvolvedObject();
        if (o == null || !"Pod".equals(o.getKind()) || o.getName() == null) {
            return false;
        }
        String prefix = ObjectNames.workload(ts) + "-";
        return o.getName().startsWith(prefix) && o.getName().substring(prefix.length()).matches("[0-9]+");
    }

    public static Event of(TransferServer ts, Event source) {
        String uid = source.getMetadata().getUid() != null ? source.getMetadata().getUid() : source.getMetadata().getName();
        String first = source.getFirstTimestamp() != null ? source.getFirstTimestamp() : source.getEventTime() == null ? null
                : source.getEventTime().getTime();
        String last = source.getLastTimestamp() != null ? source.getLastTimestamp() : first;
        return new EventBuilder()
                .withNewMetadata()
                    .withName(ts.getMetadata().getName() + ".pod-" + ObjectNames.sha256(uid).substring(0, 16))
                    .withNamespace(ts.getMetadata().getNamespace())
                .endMetadata()
                .withNewInvolvedObject()
                    .withApiVersion(ts.getApiVersion())
                    .withKind(ts.getKind())
                    .withName(ts.getMetadata().getName())
                    .withNamespace(ts.getMetadata().getNamespace())
                    .withUid(ts.getMetadata().getUid())
                .endInvolvedObject()
                .withType(source.getType())
                .withReason(source.getReason())
                .withMessage("pod " + source.getInvolvedObject().getName() + ": " + source.getMessage())
                .withCount(source.getCount() == null ? 1 : source.getCount())
                .withFirstTimestamp(first)
                .withLastTimestamp(last)
                .withNewSource().withComponent(COMPONENT).endSource()
                .withReportingComponent(COMPONENT)
                .build();
    }
}
