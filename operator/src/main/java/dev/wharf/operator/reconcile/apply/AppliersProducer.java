package dev.wharf.operator.reconcile.apply;

import dev.wharf.operator.config.WharfSettings;
import io.fabric8.kubernetes.client.KubernetesClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Chooses the apply strategy from {@code wharf.apply-strategy}. */
@ApplicationScoped
public class AppliersProducer {

    @Produces
    @Singleton
    ResourceApplier applier(WharfSettings settings, KubernetesClient client) {
        return switch (settings.applyStrategy()) {
            case SERVER_SIDE -> new ServerSideApplier(client);
            case UPDATE -> new UpdateApplier(client);
        };
    }
}
