package dev.wharf.server.dcap;

import dev.wharf.server.fs.StorageException;
import dev.wharf.server.metrics.TransferOutcome;

/**
 * A refusal as libdcap reads it: dCache's numeric code, a message dccp prints, and the symbolic errno
 * the client maps to its own errno (unknown names become EIO). {@code aborted} marks the end of a
 * transfer the client caused (a connection closed early), counted as {@code aborted}, not {@code failed}.
 */
public record DcapFailure(int code, String message, String errno, boolean aborted) {

    public DcapFailure(int code, String message, String errno) {
        this(code, message, errno, false);
    }

    public static final int NOT_FOUND = 2;
    public static final int IS_DIRECTORY = 17;
    public static final int PERMISSION = 19;
    public static final int EXISTS = 20;
    public static final int NOT_DIRECTORY = 22;
    public static final int INTERNAL = 44;
    public static final int PROTOCOL = 669;

    public static DcapFailure protocol(String message) {
        return new DcapFailure(PROTOCOL, message, "EINVAL");
    }

    /** The client went away before the end of a transfer. */
    public static DcapFailure aborted(String why) {
        return new DcapFailure(INTERNAL, why, "EIO", true);
    }

    /** What a transfer that ended with {@code failure} (null: none) counts as. */
    public static TransferOutcome outcome(DcapFailure failure) {
        return failure == null ? TransferOutcome.COMPLETED : failure.aborted() ? TransferOutcome.ABORTED : TransferOutcome.FAILED;
    }

    public static DcapFailure denied(String message) {
        return new DcapFailure(PERMISSION, message, "EACCES");
    }

    public static DcapFailure of(StorageException e) {
        String m = e.getMessage();
        return switch (e.reason()) {
            case NOT_FOUND -> new DcapFailure(NOT_FOUND, m, "ENOENT");
            case EXISTS -> new DcapFailure(EXISTS, m, "EEXIST");
            case NOT_DIRECTORY -> new DcapFailure(NOT_DIRECTORY, m, "ENOTDIR");
            case IS_DIRECTORY -> new DcapFailure(IS_DIRECTORY, m, "EISDIR");
            case NOT_EMPTY -> new DcapFailure(INTERNAL, m, "ENOTEMPTY");
            case PERMISSION, DENIED -> new DcapFailure(PERMISSION, m, "EACCES");
            case READ_ONLY -> new DcapFailure(PERMISSION, m, "EROFS");
            case NO_SPACE -> new DcapFailure(INTERNAL, m, "ENOSPC");
            case REFUSED -> new DcapFailure(PERMISSION, m, "EACCES");
            case IO -> new DcapFailure(INTERNAL, m, "EIO");
        };
    }
}
