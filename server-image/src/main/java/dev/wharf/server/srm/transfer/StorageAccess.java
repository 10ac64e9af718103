package dev.wharf.server.srm.transfer;

import dev.wharf.server.auth.Identity;
import dev.wharf.server.fs.Storage;
import java.io.IOException;

/**
 * Opens storage as a request's owner when no session of theirs is at hand: for a large request
 * prepared in the background and for the expiry sweep that removes what unfinished puts wrote. The
 * SRM door builds it from the same login rules as its sessions (fs.SessionStorage.open), so the owner's
 * ACLs and jail apply to the clean-up as to everything else.
 */
@FunctionalInterface
public interface StorageAccess {

    Storage open(Identity owner) throws IOException;
}
