package dev.wharf.server.acl;

import java.util.List;

/** What parsing an ACL file gave: its entries, or the first error with its line. */
public sealed interface AclParse {

    record Ok(List<AclEntry> entries) implements AclParse {
        public Ok {
            entries = List.copyOf(entries);
        }
    }

    /** The file is malformed: it grants nothing (fail closed). {@code line} is 1-based, 0 when unknown. */
    record Malformed(int line, String message) implements AclParse {}
}
