package dev.wharf.server.fs;

import com.sun.jna.LastErrorException;
import dev.wharf.server.config.ConfigException;
import dev.wharf.server.config.ConfigFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a jail-relative path becomes a descriptor with the containment done by the kernel: symlinks
 * are followed while they stay beneath the root and never out, absolute symlinks are never followed,
 * whatever a local user swaps in while the path is being resolved. The result is an
 * {@code O_PATH} descriptor; failures throw {@link LastErrorException} with errno
 * ({@code EXDEV}/{@code ELOOP} for a way out).
 */
public interface JailResolver {

    /** The key that allows the user-space walk where the kernel has no {@code openat2(2)}. */
    String FALLBACK_KEY = "storage.jail-fallback";
    String NOFOLLOW_WALK = "nofollow-walk";

    /**
     * @param rootFd    the jail root's directory descriptor
     * @param relative  a normalised path without the leading slash; "" is the root
     * @param directory whether the result must be a directory ({@code O_DIRECTORY})
     */
    int open(int rootFd, String relative, boolean directory);

    enum Kind {
        /** {@code openat2(2)} with {@code RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS} (Linux 5.6+). */
        OPENAT2(Openat2Resolver.INSTANCE),
        /** One {@code openat(O_PATH|O_NOFOLLOW)} per component, symlinks expanded by the server. */
        NOFOLLOW_WALK(NofollowWalkResolver.INSTANCE);

        private final JailResolver resolver;

        Kind(JailResolver resolver) {
            this.resolver = resolver;
        }

        public JailResolver resolver() {
            return resolver;
        }
    }

    /**
     * The resolver for this kernel: {@code openat2} when it exists; where it does not, the walk if
     * {@value #FALLBACK_KEY} = {@value #NOFOLLOW_WALK}, else a {@link ConfigException} (exit 2).
     */
    static Kind choose(ConfigFile config) {
        return choose(config, Openat2Resolver.supported());
    }

    /** {@link #choose(ConfigFile)} for a kernel that has, or lacks, openat2 (tests force the latter). */
    static Kind choose(ConfigFile config, boolean openat2) {
        String fallback = config.declaredChoice(FALLBACK_KEY);
        if (openat2) {
            return Kind.OPENAT2;
        }
        if (fallback.equals(NOFOLLOW_WALK)) {
            LoggerFactory.getLogger(JailResolver.class).warn("openat2(2) is not available (Linux 5.6+ needed):"
                    + " the storage jail resolves paths with a user-space O_NOFOLLOW walk ({} = {})", FALLBACK_KEY, fallback);
            return Kind.NOFOLLOW_WALK;
        }
        throw new ConfigException("this kernel has no openat2(2) (Linux 5.6+ needed), which the storage jail uses to keep"
                + " every path beneath its root; set " + FALLBACK_KEY + " = " + NOFOLLOW_WALK
                + " to use the slower user-space walk instead (docs/security.md \"Jail\")");
    }

    /** The process-wide choice, made once at start by {@code WharfServer}; openat2 until then. */
    static JailResolver selected() {
        return Selected.kind.resolver();
    }

    static void select(Kind kind) {
        Selected.kind = kind;
        LoggerFactory.getLogger(JailResolver.class).debug("storage jail resolver: {}", kind);
    }

    /** Holder of the process-wide choice (interfaces cannot have mutable fields). */
    final class Selected {
        private static volatile Kind kind = Kind.OPENAT2;

        private Selected() {}
    }
}
