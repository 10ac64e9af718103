package dev.wharf.server.dcap;

import dev.wharf.server.fs.StorageException;

/**
 * A refusal as libdcap reads it: dCache's numeric code, a message dccp prints, and the symbolic errno
 * the client maps to its own errno (unknown names become EIO).
 */
public record DcapFailure(int code, String message, String errno) {

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
