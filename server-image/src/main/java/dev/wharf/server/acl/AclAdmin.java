package dev.wharf.server.acl;

import dev.wharf.config.AccessLevel;
import dev.wharf.server.auth.Identity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Showing and changing a directory's ACL from inside a session (FTP {@code SITE GETACL/SETACL}; any
 * door may use it). Both need {@link Operation#ADMINISTER_ACL} (admin) on the directory itself.
 * Setting an entry in a directory that has no ACL file of its own starts from the inherited entries,
 * so the change does not silently drop what the parent granted. Changes are written atomically by
 * {@link AclFileWriter}, which every policy in the process watches, so they apply to the next check.
 */
public final class AclAdmin {

    public AclAdmin() {}

    /** Why an ACL request failed; doors map this to their reply codes. */
    public static final class Failure extends Exception {
        public enum Kind { DENIED, NOT_DIRECTORY, MALFORMED, IO }

        private final Kind kind;

        Failure(Kind kind, String message) {
            super(message);
            this.kind = kind;
        }

        public Kind kind() {
            return kind;
        }
    }

    /**
     * @param dir the directory asked about (jail path)
     * @param governedBy the jail path of the directory whose ACL governs {@code dir}, or null when the
     *     server defaults apply
     */
    public record View(String dir, String governedBy, List<AclEntry> entries) {}

    public View show(AccessPolicy session, Identity who, Path jailRoot, String dir) throws Failure {
        Path hostDir = authorise(session, who, jailRoot, dir);
        Path root = realRoot(jailRoot);
        for (Path d = hostDir; d != null && d.startsWith(root); d = d.getParent()) {
            String content = read(d);
            if (content != null) {
                return new View(dir, jailPath(root, d), entries(content, d));
            }
        }
        return new View(dir, null, List.of());
    }

    public void set(AccessPolicy session, Identity who, Path jailRoot, String dir, AccessLevel level,
                    AclPrincipal principal) throws Failure {
        Path hostDir = authorise(session, who, jailRoot, dir);
        String own = read(hostDir);
        String start = own;
        if (start == null) {
            View inherited = show(session, who, jailRoot, dir);
            start = AclRenderer.render(inherited.entries());
        }
        try {
            AclFileWriter.write(hostDir, AclEditor.set(start, level, principal));
        } catch (AclEditor.UneditableAcl e) {
            throw new Failure(Failure.Kind.MALFORMED, dir + "/" + AclFiles.ACL_FILE + " " + e.getMessage());
        } catch (IOException e) {
            throw new Failure(Failure.Kind.IO, "cannot write the ACL of " + dir + ": " + e.getMessage());
        }
    }

    private static Path authorise(AccessPolicy session, Identity who, Path jailRoot, String dir) throws Failure {
        AccessDecision decision = session.check(who, Operation.ADMINISTER_ACL, dir);
        if (!decision.allowed()) {
            throw new Failure(Failure.Kind.DENIED, dir + ": permission denied (needs admin)");
        }
        Path root = realRoot(jailRoot);
        try {
            Path real = (dir.equals("/") ? root : root.resolve(dir.substring(1))).toRealPath();
            if (!real.startsWith(root) || !Files.isDirectory(real, LinkOption.NOFOLLOW_LINKS)) {
                throw new Failure(Failure.Kind.NOT_DIRECTORY, dir + ": not a directory");
            }
            return real;
        } catch (IOException e) {
            throw new Failure(Failure.Kind.NOT_DIRECTORY, dir + ": not a directory");
        }
    }

    private static Path realRoot(Path jailRoot) throws Failure {
        try {
            return jailRoot.toRealPath();
        } catch (IOException e) {
            throw new Failure(Failure.Kind.IO, "storage unavailable");
        }
    }

    private static String read(Path dir) throws Failure {
        Path file = AclFileWriter.aclFile(dir);
        try {
            if (Files.isSymbolicLink(file)) {
                throw new Failure(Failure.Kind.MALFORMED, "the ACL file is a symlink");
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new Failure(Failure.Kind.IO, "cannot read the ACL: " + e.getMessage());
        }
    }

    private static List<AclEntry> entries(String content, Path dir) throws Failure {
        AclParse parse = AclParser.parse(content);
        if (parse instanceof AclParse.Malformed bad) {
            throw new Failure(Failure.Kind.MALFORMED, "the governing ACL is malformed at line " + bad.line()
                    + ": " + bad.message());
        }
        return ((AclParse.Ok) parse).entries();
    }

    private static String jailPath(Path root, Path dir) {
        String relative = root.relativize(dir).toString();
        return relative.isEmpty() ? "/" : "/" + relative;
    }
}
