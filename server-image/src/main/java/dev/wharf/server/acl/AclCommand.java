package dev.wharf.server.acl;

import dev.wharf.config.AccessLevel;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code wharf-server acl}: shows and edits a directory's {@code .grid-acl} offline, like SlashGrid's
 * grid-acl tool. Edits keep comments and order, and replace the file atomically, so a running
 * server never reads half of it; the server sees the change within {@code acl.cache.revalidate-ms}.
 * Exit codes: 0 done, 1 the ACL or directory is unusable, 2 bad usage.
 */
@Command(name = "acl", mixinStandardHelpOptions = true,
        description = "Show or edit a directory's .grid-acl (SlashGrid ACL), offline.",
        subcommands = {AclCommand.Show.class, AclCommand.Set.class, AclCommand.Remove.class, AclCommand.Delete.class})
public final class AclCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    @Command(name = "show", description = "Print the entries of DIR's ACL, or which ACL governs DIR when it has none.")
    static final class Show implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "DIR") Path dir;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            String content = readAcl(dir);
            if (content == null) {
                Path governing = nearestAncestorAcl(dir);
                out.println("# no " + AclFiles.ACL_FILE + " in " + dir + "; "
                        + (governing == null ? "server defaults apply (acl.default.*)" : "governed by " + governing));
                return 0;
            }
            AclParse parse = AclParser.parse(content);
            if (parse instanceof AclParse.Malformed bad) {
                err.println(AclFileWriter.aclFile(dir) + ":" + bad.line() + ": " + bad.message()
                        + " (the server grants nothing below this directory until it is fixed)");
                return 1;
            }
            out.print(AclRenderer.render(((AclParse.Ok) parse).entries()));
            return 0;
        }
    }

    @Command(name = "set", description = "Give PRINCIPAL the level LEVEL in DIR's ACL (creating the file if needed).")
    static final class Set implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "DIR") Path dir;
        @Parameters(index = "1", paramLabel = "LEVEL", description = "none, read, list, write or admin") String level;
        @Parameters(index = "2", paramLabel = "PRINCIPAL", description = "a DN, a user name, anonymous, * or @group") String principal;

        @Override
        public Integer call() throws IOException {
            AccessLevel parsedLevel;
            AclPrincipal parsedPrincipal;
            try {
                parsedLevel = AclTextParser.level(level);
                parsedPrincipal = AclPrincipal.of(principal);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            return edit(spec, dir, content -> AclEditor.set(content, parsedLevel, parsedPrincipal));
        }
    }

    @Command(name = "remove", description = "Remove every entry for PRINCIPAL from DIR's ACL.")
    static final class Remove implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "DIR") Path dir;
        @Parameters(index = "1", paramLabel = "PRINCIPAL") String principal;

        @Override
        public Integer call() throws IOException {
            AclPrincipal parsed;
            try {
                parsed = AclPrincipal.of(principal);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            if (readAcl(dir) == null) {
                spec.commandLine().getErr().println("no " + AclFiles.ACL_FILE + " in " + dir);
                return 1;
            }
            return edit(spec, dir, content -> AclEditor.remove(content, parsed));
        }
    }

    @Command(name = "delete", description = "Delete DIR's ACL file: the parent's ACL (or the defaults) governs again.")
    static final class Delete implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "DIR") Path dir;

        @Override
        public Integer call() throws IOException {
            if (!AclFileWriter.delete(dir)) {
                spec.commandLine().getErr().println("no " + AclFiles.ACL_FILE + " in " + dir);
                return 1;
            }
            return 0;
        }
    }

    private interface Edit {
        String apply(String content) throws AclEditor.UneditableAcl;
    }

    private static int edit(CommandSpec spec, Path dir, Edit edit) throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            err.println(dir + ": not a directory");
            return 1;
        }
        String before = readAcl(dir);
        if (before == null) {
            // A new ACL replaces the inherited one in this directory: start from its entries so the
            // edit does not silently take away what the parent granted.
            Path inherited = nearestAncestorAcl(dir);
            before = inherited == null ? "" : Files.readString(inherited, StandardCharsets.UTF_8);
            if (inherited != null) {
                err.println("starting from the entries inherited from " + inherited);
            }
        }
        String after;
        try {
            after = edit.apply(before);
        } catch (AclEditor.UneditableAcl e) {
            err.println(AclFileWriter.aclFile(dir) + ": " + e.getMessage());
            return 1;
        }
        AclFileWriter.write(dir, after);
        if (((AclParse.Ok) AclParser.parse(after)).entries().isEmpty()) {
            err.println("warning: " + AclFileWriter.aclFile(dir) + " has no entries left and grants nothing; "
                    + "'acl delete " + dir + "' lets the parent's ACL govern again");
        }
        spec.commandLine().getOut().print(AclRenderer.render(((AclParse.Ok) AclParser.parse(after)).entries()));
        return 0;
    }

    /** The ACL file's content, or null when DIR has none. */
    static String readAcl(Path dir) throws IOException {
        Path file = AclFileWriter.aclFile(dir);
        if (Files.isSymbolicLink(file)) {
            throw new IOException(file + " is a symlink; the server refuses it (replace it with a regular file)");
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    private static Path nearestAncestorAcl(Path dir) {
        for (Path d = dir.toAbsolutePath().normalize().getParent(); d != null; d = d.getParent()) {
            if (Files.exists(AclFileWriter.aclFile(d), LinkOption.NOFOLLOW_LINKS)) {
                return AclFileWriter.aclFile(d);
            }
        }
        return null;
    }
}
