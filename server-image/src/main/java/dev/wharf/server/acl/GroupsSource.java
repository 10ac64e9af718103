package dev.wharf.server.acl;

import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The groups file, re-stat'ed at most once per revalidation interval; absent or unset means no groups. */
final class GroupsSource {

    private static final Logger LOG = LoggerFactory.getLogger(GroupsSource.class);
    private static final AclGroups.Parse NO_GROUPS = new AclGroups.Parse.Ok(AclGroups.EMPTY);

    private record Current(long checkedAt, AclGroups.Parse parse) {}

    private final Path file;
    private final long revalidateNanos;
    private final StampedFileCache<AclGroups.Parse> cache;
    private volatile Current current;

    GroupsSource(Path file, long revalidateNanos) {
        this.file = file;
        this.revalidateNanos = revalidateNanos;
        this.cache = new StampedFileCache<>(AclGroups::parse, reason -> new AclGroups.Parse.Malformed(0, reason),
                GroupsSource::report);
    }

    Path file() {
        return file;
    }

    AclGroups.Parse current() {
        if (file == null) {
            return NO_GROUPS;
        }
        long now = System.nanoTime();
        Current seen = current;
        if (seen != null && now - seen.checkedAt() < revalidateNanos) {
            return seen.parse();
        }
        AclGroups.Parse parse = cache.get(file);
        if (parse == null) {
            parse = new AclGroups.Parse.Malformed(0, "groups file is missing");
        }
        current = new Current(now, parse);
        return parse;
    }

    void invalidate() {
        current = null;
    }

    private static void report(Path file, AclGroups.Parse parse) {
        if (parse instanceof AclGroups.Parse.Malformed bad) {
            LOG.warn("malformed groups file {}:{}: {}; ACL files naming a @group grant nothing until fixed",
                    file, bad.line(), bad.message());
        }
    }
}
