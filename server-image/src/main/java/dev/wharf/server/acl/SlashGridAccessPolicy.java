package dev.wharf.server.acl;

import dev.wharf.config.AccessLevel;
import dev.wharf.server.acl.owner.OwnerStore;
import dev.wharf.server.auth.Identity;
import dev.wharf.server.config.ConfigFile;
import dev.wharf.server.metrics.ServerMetrics;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SlashGrid's per-directory ACLs as the server's {@link AccessPolicy} (docs/acl.md). Doors get a
 * per-session view through {@link #forSession}; the unscoped {@link #check} looks under
 * {@code storage.root} when one is configured and otherwise applies the defaults only.
 *
 * <p>Each decision carries what decided it ({@code /srv/lab/.grid-acl:4}, {@code default
 * acl.default.authenticated=write}, a malformed file with its line). The storage view every door
 * uses ({@code fs.GuardedStorage}) logs each refused operation with that text and counts it in
 * {@code ServerMetrics.accessDenied} once; the policy does neither itself (it logs at DEBUG), because
 * it is also asked hypothetical questions (MLSx {@code Perm} facts) that are not attempts. Malformed
 * ACL and groups files deny and are logged once per content, not per request.
 */
public final class SlashGridAccessPolicy implements AccessPolicy {

    private static final Logger LOG = LoggerFactory.getLogger(SlashGridAccessPolicy.class);

    private final AclSettings settings;
    private final Path defaultRoot;
    private final OwnerStore owners;
    private final StampedFileCache<AclParse> aclFiles;
    private final GroupsSource groups;
    private final ConcurrentHashMap<Path, AclLocator> locators = new ConcurrentHashMap<>();
    private final Resolved defaultAuthenticated;
    private final Resolved defaultAnonymous;
    /** Bumped by {@link #invalidate()}; with {@link AclFileWriter#changes()} it dates every cached lookup. */
    private volatile int invalidations;

    /**
     * @param defaultRoot the jail of unscoped checks ({@code storage.root}), or null
     */
    public SlashGridAccessPolicy(AclSettings settings, Path defaultRoot) {
        this.settings = settings;
        this.defaultRoot = defaultRoot;
        this.owners = new OwnerStore(settings.ownerStore());
        this.aclFiles = new StampedFileCache<>(AclParser::parse, reason -> new AclParse.Malformed(0, reason),
                SlashGridAccessPolicy::reportAcl);
        this.groups = new GroupsSource(settings.groupsFile(), TimeUnit.MILLISECONDS.toNanos(settings.revalidateMillis()));
        this.defaultAuthenticated = new Resolved(settings.defaultAuthenticated(),
                AccessDecision.DEFAULT_PREFIX + "acl.default.authenticated=" + AclSettings.levelName(settings.defaultAuthenticated()));
        this.defaultAnonymous = new Resolved(settings.defaultAnonymous(),
                AccessDecision.DEFAULT_PREFIX + "acl.default.anonymous=" + AclSettings.levelName(settings.defaultAnonymous()));
    }

    /** The policy server.conf describes: {@code acl.*} keys, jail {@code storage.root} for unscoped checks. */
    public static SlashGridAccessPolicy fromConfig(ConfigFile config) {
        return new SlashGridAccessPolicy(AclSettings.from(config), config.getPath("storage.root").orElse(null));
    }

    /**
     * As {@link #fromConfig(ConfigFile)}; {@code metrics} is not used (GuardedStorage counts denials
     * once). Kept so the server's wiring needs no change.
     */
    public static SlashGridAccessPolicy fromConfig(ConfigFile config, ServerMetrics metrics) {
        return fromConfig(config);
    }

    @Override
    public AccessPolicy forSession(String door, Path jailRoot) {
        return new Session(door, jailRoot == null ? null : locator(jailRoot));
    }

    @Override
    public AccessDecision check(Identity who, Operation operation, String path) {
        return decide("unknown", defaultRoot == null ? null : locator(defaultRoot), who, operation, path);
    }

    /** Forgets every cached lookup, so a change written in-process (SITE SETACL) applies at once. */
    public void invalidate() {
        invalidations++;
        locators.values().forEach(AclLocator::invalidate);
        aclFiles.clear();
        groups.invalidate();
    }

    public AclSettings settings() {
        return settings;
    }

    /** Where doors record and read who created each entry ({@code acl.owner-store}). */
    @Override
    public OwnerStore owners() {
        return owners;
    }

    /** Moves whenever cached lookups must not be trusted any more: both terms only ever grow. */
    private int generation() {
        return invalidations + AclFileWriter.changes();
    }

    private AclLocator locator(Path root) {
        Path key = root.toAbsolutePath().normalize();
        return locators.computeIfAbsent(key, r -> new AclLocator(r, aclFiles,
                TimeUnit.MILLISECONDS.toNanos(settings.revalidateMillis()), this::generation));
    }

    /**
     * One login's view. It remembers the last directory it resolved for its identity, so a run of
     * checks in one directory (a listing, a batch of downloads) costs a string compare, not a lookup.
     */
    private final class Session implements AccessPolicy {
        private final String door;
        private final AclLocator locator;
        private volatile Memo memo;

        Session(String door, AclLocator locator) {
            this.door = door;
            this.locator = locator;
        }

        @Override
        public AccessDecision check(Identity who, Operation operation, String path) {
            if (locator == null || !settings.enabled() || !normalised(path) || AclFiles.isProtectedLastComponent(path)) {
                return decide(door, locator, who, operation, path);
            }
            Memo seen = memo;
            Resolved resolved;
            if (seen != null && seen.who == who && seen.generation == generation()
                    && System.nanoTime() - seen.checkedAt < locator.revalidateNanos() && seen.covers(operation, path)) {
                resolved = seen.resolved;
            } else {
                String dir = governingDirectory(operation, path);
                AclLocator.Lookup lookup = locator.lookup(dir);
                resolved = resolve(lookup.governor(), who);
                memo = new Memo(dir, who, lookup.generation(), lookup.checkedAt(), resolved);
            }
            return finish(door, who, operation, path, resolved);
        }

        @Override
        public AccessPolicy forSession(String otherDoor, Path jailRoot) {
            return SlashGridAccessPolicy.this.forSession(otherDoor, jailRoot);
        }
    }

    /** The level an identity holds in a directory, what decided it, and the ready "allowed" answer. */
    private record Resolved(AccessLevel granted, String decidedBy, AccessDecision allowed) {
        Resolved(AccessLevel granted, String decidedBy) {
            this(granted, decidedBy, AccessDecision.allow(granted, decidedBy));
        }
    }

    private static final Resolved PROTECTED = new Resolved(AccessLevel.NONE,
            "protected name (" + AclFiles.ACL_FILE + ", " + AclFiles.OWNER_SIDECAR + ")");

    private record Memo(String dir, Identity who, int generation, long checkedAt, Resolved resolved) {
        /** True when {@code path} is governed by {@code dir}, without allocating. */
        boolean covers(Operation operation, String path) {
            if (isDirectoryOperation(operation)) {
                return path.equals(dir);
            }
            int slash = path.lastIndexOf('/');
            if (slash == path.length() - 1) {
                return false;
            }
            return slash == 0 ? dir.equals("/") : dir.length() == slash && path.startsWith(dir);
        }
    }

    private AccessDecision decide(String door, AclLocator locator, Identity who, Operation operation, String path) {
        Resolved resolved;
        if (!normalised(path)) {
            resolved = new Resolved(AccessLevel.NONE, "path not normalised by the jail");
        } else if (AclFiles.isProtectedLastComponent(path)) {
            // Defence in depth: ACL and ownership files change only through the admin commands,
            // whatever a door's own hiding does.
            resolved = PROTECTED;
        } else if (!settings.enabled() || locator == null) {
            resolved = byDefault(who);
        } else {
            resolved = resolve(locator.governing(governingDirectory(operation, path)), who);
        }
        return finish(door, who, operation, path, resolved);
    }

    private Resolved resolve(Governor governor, Identity who) {
        if (governor == Governor.NONE) {
            return byDefault(who);
        }
        if (!(governor.parse instanceof AclParse.Ok ok)) {
            return new Resolved(AccessLevel.NONE, governor.malformedLabel());
        }
        AclGroups.Parse groupParse = governor.usesGroups ? groups.current() : null;
        if (groupParse instanceof AclGroups.Parse.Malformed bad) {
            return new Resolved(AccessLevel.NONE,
                    groups.file() + ":" + bad.line() + " (malformed groups file: " + bad.message() + ")");
        }
        AclGroups memberships = groupParse == null ? AclGroups.EMPTY : ((AclGroups.Parse.Ok) groupParse).groups();
        AclEvaluator.Verdict verdict = AclEvaluator.evaluate(ok.entries(), who, memberships);
        return new Resolved(verdict.level(), governor.label(verdict));
    }

    private Resolved byDefault(Identity who) {
        return who.isAnonymous() ? defaultAnonymous : defaultAuthenticated;
    }

    private AccessDecision finish(String door, Identity who, Operation operation, String path, Resolved resolved) {
        if (resolved.granted().includes(operation.required())) {
            return resolved.allowed();
        }
        LOG.debug("access denied: principal='{}' door={} operation={} path={} needs {} has {} decided-by {}",
                who.principal(), door, operation, path, AclSettings.levelName(operation.required()),
                AclSettings.levelName(resolved.granted()), resolved.decidedBy());
        return AccessDecision.deny(resolved.granted(), resolved.decidedBy());
    }

    private static boolean normalised(String path) {
        return path != null && path.startsWith("/") && !path.contains("/../") && !path.endsWith("/..")
                && !path.contains("/./") && !path.endsWith("/.") && !path.contains("//");
    }

    private static boolean isDirectoryOperation(Operation operation) {
        return operation == Operation.LIST_DIRECTORY || operation == Operation.CHANGE_DIRECTORY
                || operation == Operation.ADMINISTER_ACL;
    }

    /**
     * The directory whose ACL governs an operation: the object's parent for operations on a named
     * entry (read, stat, create, overwrite, append, delete, mkdir, rmdir, rename, chmod), the
     * directory itself for listing it, entering it and administering its ACL. "/" governs itself.
     */
    public static String governingDirectory(Operation operation, String path) {
        return isDirectoryOperation(operation) ? trimSlash(path) : AclLocator.parent(trimSlash(path));
    }

    private static String trimSlash(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static void reportAcl(Path file, AclParse parse) {
        if (parse instanceof AclParse.Malformed bad) {
            LOG.warn("malformed ACL file {}:{}: {}; it grants nothing until fixed", file, bad.line(), bad.message());
        } else {
            LOG.debug("loaded ACL file {}", file);
        }
    }
}
