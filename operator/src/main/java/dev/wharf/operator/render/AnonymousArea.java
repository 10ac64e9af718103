package dev.wharf.operator.render;

import dev.wharf.operator.api.Anonymous;
import dev.wharf.operator.api.StoragePoolSpec;
import dev.wharf.operator.api.TransferServerSpec;
import java.util.Optional;

/**
 * A server's anonymous FTP as its own spec and its pool's defaults decide it: each unset field of the
 * server's {@code authentication.anonymous} comes from the pool's {@code defaults.anonymous}. Pure.
 */
public final class AnonymousArea {

    /** The anonymous area when neither the server nor the pool names one. */
    public static final String DEFAULT_ROOT = "pub";

    private AnonymousArea() {
    }

    public static boolean enabled(TransferServerSpec spec, StoragePoolSpec pool) {
        Anonymous own = own(spec);
        Anonymous dflt = pool(pool);
        return Boolean.TRUE.equals(own.enabled != null ? own.enabled : dflt.enabled);
    }

    /** The anonymous area relative to the server's subtree, when anonymous FTP is on. */
    public static Optional<String> root(TransferServerSpec spec, StoragePoolSpec pool) {
        if (!enabled(spec, pool)) {
            return Optional.empty();
        }
        Anonymous own = own(spec);
        Anonymous dflt = pool(pool);
        return Optional.of(own.root != null ? own.root : dflt.root != null ? dflt.root : DEFAULT_ROOT);
    }

    /** The server's own settings (empty when it has none). */
    public static Anonymous own(TransferServerSpec spec) {
        return spec.authentication != null && spec.authentication.anonymous != null ? spec.authentication.anonymous : new Anonymous();
    }

    /** The pool's defaults (empty when it has none). */
    public static Anonymous pool(StoragePoolSpec pool) {
        return pool.defaults != null && pool.defaults.anonymous != null ? pool.defaults.anonymous : new Anonymous();
    }
}
