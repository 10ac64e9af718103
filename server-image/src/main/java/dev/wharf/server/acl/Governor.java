package dev.wharf.server.acl;

import java.nio.file.Path;
import java.util.List;

/**
 * The ACL file that governs a directory, parsed, with the labels ("file:line") used to explain
 * decisions precomputed so the hot path does not build strings.
 */
final class Governor {

    /** No ACL file anywhere up to the jail root: the configured defaults decide. */
    static final Governor NONE = new Governor(null, new AclParse.Ok(List.of()));

    final Path file;
    final AclParse parse;
    final boolean usesGroups;
    private final String noMatchLabel;
    private final String[] lineLabels;

    Governor(Path file, AclParse parse) {
        this.file = file;
        this.parse = parse;
        String name = String.valueOf(file);
        if (parse instanceof AclParse.Ok ok) {
            int maxLine = ok.entries().stream().mapToInt(AclEntry::line).max().orElse(0);
            lineLabels = new String[maxLine + 1];
            boolean groups = false;
            for (AclEntry entry : ok.entries()) {
                lineLabels[entry.line()] = name + ":" + entry.line();
                groups |= entry.principal().kind() == AclPrincipal.Kind.GROUP;
            }
            usesGroups = groups;
            noMatchLabel = name + " (no matching entry)";
        } else {
            AclParse.Malformed bad = (AclParse.Malformed) parse;
            lineLabels = new String[0];
            usesGroups = false;
            noMatchLabel = name + ":" + bad.line() + " (malformed: " + bad.message() + ")";
        }
    }

    /** What decided a verdict of this file: "file:line", or the no-match / malformed label. */
    String label(AclEvaluator.Verdict verdict) {
        return verdict.decidedBy() == null ? noMatchLabel : lineLabels[verdict.decidedBy().line()];
    }

    String malformedLabel() {
        return noMatchLabel;
    }
}
