package dev.wharf.operator.render;

import dev.wharf.operator.api.PortAllocationStatus;
import dev.wharf.operator.render.conf.ServerConf;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;

import java.util.ArrayList;
import java.util.List;

/** Everything a TransferServer becomes, or why it becomes nothing. */
public sealed interface RenderResult {

    /** Condition reason: the pool named in the spec does not exist. */
    String POOL_NOT_FOUND = "PoolNotFound";
    /** Condition reason: the pool does not admit the TransferServer's namespace. */
    String NAMESPACE_NOT_ALLOWED = "NamespaceNotAllowed";
    /** Condition reason: the server would refuse the server.conf the spec renders to (a value the CRD lets through). */
    String SERVER_CONF_REFUSED = "ServerConfRefused";

    /**
     * The desired objects, all in the data-plane namespace. Apply secrets and config before the
     * StatefulSet, so new pods never start without them. {@code sshd}: the sidecar's Secret and
     * ConfigMaps ({@code SshdRenderer.Objects.all()}), empty without it.
     */
    record Rendered(ServerConf serverConf, ConfigMap configMap, List<Secret> secrets, Service service,
            StatefulSet statefulSet, PortAllocationStatus ports, String configHash, List<HasMetadata> sshd)
            implements RenderResult {

        /** Without the sshd sidecar. */
        public Rendered(ServerConf serverConf, ConfigMap configMap, List<Secret> secrets, Service service,
                StatefulSet statefulSet, PortAllocationStatus ports, String configHash) {
            this(serverConf, configMap, secrets, service, statefulSet, ports, configHash, List.of());
        }

        /** In apply order. */
        public List<HasMetadata> objects() {
            List<HasMetadata> all = new ArrayList<>(secrets);
            all.add(configMap);
            all.addAll(sshd);
            all.add(service);
            all.add(statefulSet);
            return all;
        }
    }

    /**
     * Nothing may be created (and what exists should be removed): {@code reason} is a CamelCase condition
     * reason, {@code message} tells the user what to do.
     */
    record NotRendered(String reason, String message) implements RenderResult {
    }
}
