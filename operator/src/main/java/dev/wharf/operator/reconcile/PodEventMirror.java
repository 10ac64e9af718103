package dev.wharf.operator.reconcile;

import dev.wharf.operator.api.TransferServer;
import dev.wharf.operator.reconcile.observe.MirroredEvent;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies the Events of a server's pods onto the TransferServer, each once. Remembers which it copied so a
 * steady state writes nothing; after an operator restart the copies' fixed names make a second create a
 * harmless conflict. Best effort, like {@link EventRecorder}.
 */
@ApplicationScoped
public class PodEventMirror {

    private static final Logger LOG = LoggerFactory.getLogger(PodEventMirror.class);

    private final KubernetesClient client;
    private final Set<String> mirrored = ConcurrentHashMap.newKeySet();

    public PodEventMirror(KubernetesClient client) {
        this.client = client;
    }

    void mirror(TransferServer ts, Collection<Event> podEvents) {
        for (Event source : podEvents) {
            Event copy = MirroredEvent.of(ts, source);
            String key = copy.getMetadata().getNamespace() + "/" + copy.getMetadata().getName();
            if (!mirrored.add(key)) {
                continue;
            }
            try {
                client.v1().events().inNamespace(copy.getMetadata().getNamespace()).resource(copy).create();
            } catch (KubernetesClientException e) {
                if (e.getCode() != 409) {
                    mirrored.remove(key);
                    LOG.warn("could not mirror event {} onto {}/{}: {}", source.getReason(), ts.getMetadata().getNamespace(),
                            ts.getMetadata().getName(), e.getMessage());
                }
            }
        }
    }

    /** Forgets a deleted server's copies (the API server deletes the Events with their namespace or by TTL). */
    void forget(TransferServer ts) {
        String prefix = ts.getMetadata().getNamespace() + "/" + ts.getMetadata().getName() + ".pod-";
        mirrored.removeIf(k -> k.startsWith(prefix));
    }
}
