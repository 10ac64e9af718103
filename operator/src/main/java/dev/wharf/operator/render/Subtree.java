package dev.wharf.operator.render;

import dev.wharf.operator.api.StoragePoolSpec;
import dev.wharf.operator.api.TransferServer;

/**
 * A TransferServer's own part of its pool: the pool's {@code spec.layout} with {@code {namespace}} and
 * {@code {name}} filled in. Every container mounts the pool volume with this as its subPath, so no door
 * and no sshd ever sees the pool's root or another tenant's subtree. Both placeholders are DNS labels
 * (checked by the API server), so the result is a plain relative path.
 */
public final class Subtree {

    private Subtree() {
    }

    public static String of(StoragePoolSpec pool, TransferServer ts) {
        String layout = pool.layout == null || pool.layout.isBlank() ? StoragePoolSpec.DEFAULT_LAYOUT : pool.layout;
        return layout.replace("{namespace}", ts.getMetadata().getNamespace()).replace("{name}", ts.getMetadata().getName());
    }
}
