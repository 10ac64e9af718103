package dev.wharf.server.acl;

import java.util.List;

/**
 * One logged-in session of some door, able to attempt each {@link Operation} the way that door's
 * clients do. Used by {@link AclDoorMatrixTest} to run the same table through every door.
 */
interface DoorClient extends AutoCloseable {

    /** What the door did with one attempt. */
    enum Outcome {
        ALLOWED, DENIED,
        /** The door has no command for this operation (the table says so). */
        NOT_EXPRESSIBLE
    }

    /**
     * One attempt: {@code path} is the object (a fresh name for create/mkdir, a prepared victim for
     * delete/rmdir/rename); {@code target} is the new name of a rename, else null.
     */
    record Step(Operation operation, String path, String target) {}

    Outcome attempt(Step step) throws Exception;

    /**
     * The names an MLSD of {@code dir} shows, or null when the listing was refused; doors without
     * listings (dCap) throw UnsupportedOperationException.
     */
    default List<String> listNames(String dir) throws Exception {
        throw new UnsupportedOperationException("no listing command");
    }

    @Override
    void close() throws Exception;

    static Outcome of(boolean done) {
        return done ? Outcome.ALLOWED : Outcome.DENIED;
    }
}
