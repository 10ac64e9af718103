package dev.wharf.server.acl;

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
 * <p>Every denial is logged (principal, door, operation, path, the ACL file and line that decided)
 * and counted with {@link ServerMetrics#accessDenied}. Malformed ACL and groups files deny and are
 * logged once per content, not per request.
 */
public final class SlashGridAccessPolicy implements AccessPolicy {

    private static final Logger LOG = LoggerFactory.getLogger(SlashGridAccessPolicy.class);

    private final AclSettings settings;
    private final ServerMetrics metrics;
    private final Path defaultRoot;
    private final StampedFileCache<AclParse> aclFiles;
    private final GroupsSource groups;
    private final ConcurrentHashMap<Path, AclLocator> locators = new ConcurrentHashMap<>();
    private final String defaultAuthenticatedLabel;
    private final String defaultAnonymousLabel;

    /**
     * @param defaultRoot the jail of unscoped checks ({@code storage.root}), or null
     */
    public SlashGridAccessPolicy(AclSettings settings, ServerMetrics metrics, Path defaultRoot) {
        this.settings = settings;
        this.metrics = metrics;
        this.defaultRoot = defaultRoot;
        this.aclFiles = new StampedFileCache<>(AclParser::parse, reason -> new AclParse.Malformed(0, reason),
                SlashGridAccessPolicy::reportAcl);
        this.groups = new GroupsSource(settings.groupsFile(), TimeUnit.MILLISECONDS.toNanos(settings.revalidateMillis()));
        this.defaultAuthenticatedLabel = "default acl.default.authenticated=" + AclSettings.levelName(settings.defaultAuthenticated());
        this.defaultAnonymousLabel = "default acl.default.anonymous=" + AclSettings.levelName(settings.defaultAnonymous());
    }

    /** The policy server.conf describes: {@code acl.*} keys, jail {@code storage.root} for unscoped checks. */
    public static SlashGridAccessPolicy fromConfig(ConfigFile config, ServerMetrics metrics) {
        return new SlashGridAccessPolicy(AclSettings.from(config), metrics, config.getPath("storage.root").orElse(null));
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
        locators.values().forEach(AclLocator::invalidate);
        aclFiles.clear();
        groups.invalidate();
    }

    public AclSettings settings() {
        return settings;
    }

    private AclLocator locator(Path root) {
        Path key = root.toAbsolutePath().normalize();
        return locators.computeIfAbsent(key, r -> new AclLocator(r, aclFiles,
                TimeUnit.MILLISECONDS.toNanos(settings.revalidateMillis())));
    }

    private final class Session implements AccessPolicy {
        private final String door;
        private final AclLocator locator;

        Session(String door, AclLocator locator) {
            this.door = door;
            this.locator = locator;
        }

        @Override
        public AccessDecision check(Identity who, Operation operation, String path) {
            return decide(door, locator, who, operation, path);
        }

        @Override
        public AccessPolicy forSession(String otherDoor, Path jailRoot) {
            return SlashGridAccessPolicy.this.forSession(otherDoor, jailRoot);
        }
    }

    private AccessDecision decide(String door, AclLocator locator, Identity who, Operation operation, String path) {
        AccessLevel granted;
        String decidedBy;
        if (path == null || !path.startsWith("/") || path.contains("/../") || path.endsWith("/..")) {
            granted = AccessLevel.NONE;
            decidedBy = "path not normalised by the jail";
        } else if (!settings.enabled() || locator == null) {
            granted = who.isAnonymous() ? settings.defaultAnonymous() : settings.defaultAuthenticated();
            decidedBy = who.isAnonymous() ? defaultAnonymousLabel : defaultAuthenticatedLabel;
        } else {
            Governor governor = locator.governing(governingDirectory(operation, path));
            if (governor == Governor.NONE) {
                granted = who.isAnonymous() ? settings.defaultAnonymous() : settings.defaultAuthenticated();
                decidedBy = who.isAnonymous() ? defaultAnonymousLabel : defaultAuthenticatedLabel;
            } else if (governor.parse instanceof AclParse.Ok ok) {
                AclGroups.Parse groupParse = governor.usesGroups ? groups.current() : null;
                if (groupParse instanceof AclGroups.Parse.Malformed bad) {
                    granted = AccessLevel.NONE;
                    decidedBy = groups.file() + ":" + bad.line() + " (malformed groups file: " + bad.message() + ")";
                } else {
                    AclGroups memberships = groupParse == null ? AclGroups.EMPTY : ((AclGroups.Parse.Ok) groupParse).groups();
                    AclEvaluator.Verdict verdict = AclEvaluator.evaluate(ok.entries(), who, memberships);
                    granted = verdict.level();
                    decidedBy = governor.label(verdict);
                }
            } else {
                granted = AccessLevel.NONE;
                decidedBy = governor.malformedLabel();
            }
        }
        if (granted.includes(operation.required())) {
            return AccessDecision.allow(granted, decidedBy);
        }
        LOG.info("access denied: principal='{}' door={} operation={} path={} needs {} has {} decided-by {}",
                who.principal(), door, operation, path, AclSettings.levelName(operation.required()),
                AclSettings.levelName(granted), decidedBy);
        metrics.accessDenied(door, operation.name());
        return AccessDecision.deny(granted, decidedBy);
    }

    /**
     * The directory whose ACL governs an operation: the object's parent for operations on a named
     * entry (read, stat, create, overwrite, append, delete, mkdir, rmdir, rename, chmod), the
     * directory itself for listing it, entering it and administering its ACL. "/" governs itself.
     */
    public static String governingDirectory(Operation operation, String path) {
        return switch (operation) {
            case LIST_DIRECTORY, CHANGE_DIRECTORY, ADMINISTER_ACL -> trimSlash(path);
            default -> AclLocator.parent(trimSlash(path));
        };
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
