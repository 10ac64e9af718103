package dev.wharf.operator.render.workload;

import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;
import java.util.List;

/**
 * The security context of a container that must run as UID 0 to use added capabilities (Kubernetes sets
 * no ambient capabilities: kubernetes/kubernetes#56374): every other capability root has is dropped, no
 * privilege escalation, read-only root file system.
 */
final class RootContext {

    private RootContext() {
    }

    static SecurityContext with(List<String> capabilities) {
        return new SecurityContextBuilder()
                .withRunAsUser(0L)
                .withRunAsGroup(0L)
                .withRunAsNonRoot(false)
                .withPrivileged(false)
                .withAllowPrivilegeEscalation(false)
                .withReadOnlyRootFilesystem(true)
                .withNewCapabilities().withDrop("ALL").withAdd(capabilities).endCapabilities()
                .build();
    }
}
