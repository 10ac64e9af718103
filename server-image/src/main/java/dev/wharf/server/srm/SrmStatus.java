package dev.wharf.server.srm;

import dev.wharf.server.fs.StorageException;
import dev.wharf.server.srm.v22.ObjectFactory;
import dev.wharf.server.srm.v22.TReturnStatus;
import dev.wharf.server.srm.v22.TStatusCode;

/** Builds {@code TReturnStatus} values and maps storage failures to SRM status codes (docs/srm.md). */
public final class SrmStatus {

    private static final ObjectFactory F = new ObjectFactory();

    private SrmStatus() {}

    public static TReturnStatus of(TStatusCode code) {
        TReturnStatus s = new TReturnStatus();
        s.setStatusCode(code);
        return s;
    }

    public static TReturnStatus of(TStatusCode code, String explanation) {
        TReturnStatus s = of(code);
        if (explanation != null) {
            s.setExplanation(F.createTReturnStatusExplanation(explanation));
        }
        return s;
    }

    public static TReturnStatus success() {
        return of(TStatusCode.SRM_SUCCESS);
    }

    public static TReturnStatus of(StorageException e) {
        return of(code(e.reason()), e.getMessage());
    }

    /**
     * The SRM code of a storage failure. gfal2 turns them into errno values: INVALID_PATH → ENOENT,
     * AUTHORIZATION_FAILURE → EACCES, DUPLICATION_ERROR → EEXIST, NON_EMPTY_DIRECTORY → ENOTEMPTY.
     * A path the jail refuses (symlink out of the root, NUL byte) is an authorisation failure: the name
     * may well exist, the caller may not reach it.
     */
    public static TStatusCode code(StorageException.Reason reason) {
        return switch (reason) {
            case NOT_FOUND, NOT_DIRECTORY -> TStatusCode.SRM_INVALID_PATH;
            case EXISTS -> TStatusCode.SRM_DUPLICATION_ERROR;
            case NOT_EMPTY -> TStatusCode.SRM_NON_EMPTY_DIRECTORY;
            case PERMISSION, DENIED, READ_ONLY, REFUSED -> TStatusCode.SRM_AUTHORIZATION_FAILURE;
            case NO_SPACE -> TStatusCode.SRM_NO_FREE_SPACE;
            case IS_DIRECTORY -> TStatusCode.SRM_INVALID_PATH;
            case IO -> TStatusCode.SRM_FAILURE;
        };
    }

    /**
     * The request-level code of a request whose files had {@code failed} failures out of {@code total}:
     * all well → SUCCESS, some → PARTIAL_SUCCESS, all failed → FAILURE (GFD.129 §5.1 for multi-file calls).
     */
    public static TStatusCode overall(int failed, int total) {
        if (failed == 0) {
            return TStatusCode.SRM_SUCCESS;
        }
        return failed < total ? TStatusCode.SRM_PARTIAL_SUCCESS : TStatusCode.SRM_FAILURE;
    }
}
