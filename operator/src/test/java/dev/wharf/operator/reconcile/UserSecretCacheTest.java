package dev.wharf.operator.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.fabric8.kubernetes.client.informers.cache.ItemStore;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The user-secrets cache holds which Secrets exist, never what they hold (issue 16, defect 7). */
class UserSecretCacheTest {

    @Test
    void aCachedSecretKeepsItsIdentityButNotItsContents() {
        ItemStore<Secret> store = UserSecretCache.namesOnly(new KubernetesSerialization());
        Secret big = new SecretBuilder().withNewMetadata().withName("helm-release").withNamespace("physics")
                .withResourceVersion("42").withAnnotations(Map.of("kubectl.kubernetes.io/last-applied-configuration", "x".repeat(100_000)))
                .endMetadata().withData(Map.of("release", "y".repeat(1_000_000))).build();
        String key = Cache.metaNamespaceKeyFunc(big);
        store.put(key, big);

        Secret cached = store.get(key);
        assertEquals("helm-release", cached.getMetadata().getName());
        assertEquals("physics", cached.getMetadata().getNamespace());
        assertEquals("42", cached.getMetadata().getResourceVersion());
        assertTrue(cached.getData() == null || cached.getData().isEmpty(), "no data in the cache");
        assertTrue(cached.getMetadata().getAnnotations() == null || cached.getMetadata().getAnnotations().isEmpty(),
                "no annotations (kubectl keeps a copy of the data there)");
    }
}
