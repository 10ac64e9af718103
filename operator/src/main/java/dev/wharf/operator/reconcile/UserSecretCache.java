package dev.wharf.operator.reconcile;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.informers.cache.ItemStore;
import io.fabric8.kubernetes.client.informers.cache.ReducedStateItemStore;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * The operator must notice when a Secret a TransferServer references appears or changes, in namespaces
 * whose other Secrets (Helm releases, service-account tokens, certificates) it has no business holding.
 * Users' Secrets carry no label it could select on, so it still watches them all, but its cache keeps only
 * each Secret's name, namespace and resourceVersion — enough to map an event to the servers referencing
 * the Secret — and the referenced ones are read from the API server when a server is reconciled. Memory
 * then grows with the number of Secrets, not with their contents.
 */
final class UserSecretCache {

    private UserSecretCache() {
    }

    static ItemStore<Secret> namesOnly(KubernetesSerialization serialization) {
        return new ReducedStateItemStore<>(ReducedStateItemStore.NAME_KEY_STATE, Secret.class, serialization);
    }
}
