package dev.wharf.server.ftp;

import dev.wharf.config.ListFormat;
import dev.wharf.server.fs.FileEntry;
import dev.wharf.server.fs.StorageException;
import dev.wharf.server.fs.VirtualPaths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/** Choosing and rendering what LIST, NLST, STAT, MLST and MLSD show. */
public final class Listings {

    private Listings() {}

    /**
     * @param path the directory listed (or the file's path)
     * @param dir the directory the entries live in
     */
    public record Selection(String path, String dir, List<FileEntry> entries) {}

    public static List<FileEntry> sorted(List<FileEntry> entries) {
        List<FileEntry> copy = new ArrayList<>(entries);
        copy.sort(Comparator.comparing(FileEntry::name));
        return copy;
    }

    /** LIST/NLST/STAT argument: options ("-la") dropped; a directory, one file, or a glob. */
    public static Selection select(FtpSession session, String argument) throws FtpException {
        String arg = stripOptions(argument);
        String path = session.resolve(arg);
        try {
            FileEntry entry = session.storage().statForListing(path);
            if (entry.isDirectory()) {
                return new Selection(path, path, sorted(session.storage().list(path)));
            }
            return new Selection(path, VirtualPaths.parent(path), List.of(session.storage().lstat(path)));
        } catch (StorageException e) {
            String name = VirtualPaths.name(path);
            if (e.reason() != StorageException.Reason.NOT_FOUND || !(name.contains("*") || name.contains("?"))) {
                throw StorageReplies.toFtp(e, false);
            }
            String dir = VirtualPaths.parent(path);
            Pattern glob = glob(name);
            List<FileEntry> matches = StorageReplies.call(() -> session.storage().list(dir), false).stream()
                    .filter(f -> glob.matcher(f.name()).matches()).toList();
            if (matches.isEmpty()) {
                throw new FtpException(550, path + ": no such file or directory");
            }
            return new Selection(path, dir, sorted(matches));
        }
    }

    static String stripOptions(String argument) {
        String arg = argument.strip();
        while (arg.startsWith("-")) {
            int space = arg.indexOf(' ');
            arg = space < 0 ? "" : arg.substring(space + 1).stripLeading();
        }
        return arg;
    }

    static Pattern glob(String name) {
        StringBuilder regex = new StringBuilder();
        for (char c : name.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }

    /** LIST lines in the configured format. */
    public static String longFormat(FtpSession session, Selection selection) {
        Instant now = Instant.now();
        if (session.settings().listFormat() == ListFormat.LEGACY) {
            List<LegacyPrinter.Rights> rights = selection.entries().stream()
                    .map(e -> EntryRights.of(session.storage(), VirtualPaths.child(selection.dir(), e.name()), e))
                    .toList();
            String user = OwnerText.column(session.identity().localAccount() != null
                    ? session.identity().localAccount() : session.who());
            return LegacyPrinter.render(selection.entries(), rights, user, now);
        }
        return LsLongPrinter.render(selection.entries(), now);
    }

    /** One MLSx entry line (without MLST's leading space). */
    public static String facts(FtpSession session, String path, FileEntry e, String name) {
        return MlsxFacts.render(e, EntryRights.perm(session.storage(), path, e, session.settings().overwrite()), session.mlstFacts(), name);
    }
}
