package dev.wharf.server.srm;

/**
 * One SRM v2.2 operation (one class per operation, like one FTP command per class): takes the session and
 * the generated request, returns the generated response. A handler reports every outcome in the
 * response's {@code returnStatus} (and per-file statuses); it never writes to the connection. Throwing
 * {@link SrmException} is a shortcut for "the whole request fails with this status" (the dispatcher builds
 * the status-only response); any other exception becomes {@code SRM_INTERNAL_ERROR} and is logged.
 * Handlers run on the blocking executor, one call of a connection at a time, so they may touch storage.
 *
 * @param <Q> the generated request type, e.g. {@code SrmLsRequest}
 * @param <R> the generated response type, e.g. {@code SrmLsResponse}
 */
public interface SrmOperation<Q, R> {

    /** The WSDL operation name, e.g. {@code srmLs}. */
    String name();

    Class<Q> requestType();

    R handle(SrmSession session, Q request) throws SrmException;
}
