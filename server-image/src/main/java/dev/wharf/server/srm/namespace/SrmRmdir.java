package dev.wharf.server.srm.namespace;

import dev.wharf.server.fs.FileEntry;
import dev.wharf.server.fs.Storage;
import dev.wharf.server.fs.StorageException;
import dev.wharf.server.srm.Jaxb;
import dev.wharf.server.srm.SrmException;
import dev.wharf.server.srm.SrmOperation;
import dev.wharf.server.srm.SrmSession;
import dev.wharf.server.srm.SrmStatus;
import dev.wharf.server.srm.Surls;
import dev.wharf.server.srm.v22.SrmRmdirRequest;
import dev.wharf.server.srm.v22.SrmRmdirResponse;
import dev.wharf.server.srm.v22.TStatusCode;

/**
 * srmRmdir: an empty directory, or with {@code recursive} the whole tree (files, symlinks as links,
 * directories bottom-up), every removal checked by the session's storage like any other; the first
 * refusal stops the walk and is the answer. A non-empty directory without {@code recursive} is
 * {@code SRM_NON_EMPTY_DIRECTORY}; a file is {@code SRM_INVALID_PATH}; the session's root is never removed.
 */
public final class SrmRmdir implements SrmOperation<SrmRmdirRequest, SrmRmdirResponse> {

    static final int MAX_DEPTH = 256;

    @Override
    public String name() {
        return "srmRmdir";
    }

    @Override
    public Class<SrmRmdirRequest> requestType() {
        return SrmRmdirRequest.class;
    }

    @Override
    public SrmRmdirResponse handle(SrmSession session, SrmRmdirRequest request) throws SrmException {
        String path = Surls.path(request.getSURL());
        if (path.replace("/", "").isEmpty()) {
            throw new SrmException(TStatusCode.SRM_AUTHORIZATION_FAILURE, "the root directory cannot be removed");
        }
        SrmRmdirResponse response = new SrmRmdirResponse();
        try {
            if (Boolean.TRUE.equals(Jaxb.value(request.getRecursive()))) {
                removeTree(session.storage(), path, 0);
            } else {
                session.storage().removeDirectory(path);
            }
            response.setReturnStatus(SrmStatus.success());
        } catch (StorageException e) {
            response.setReturnStatus(SrmStatus.of(e));
        }
        return response;
    }

    private static void removeTree(Storage storage, String dir, int depth) throws StorageException {
        if (depth > MAX_DEPTH) {
            throw new StorageException(StorageException.Reason.REFUSED, dir + ": deeper than " + MAX_DEPTH + " levels");
        }
        for (FileEntry child : storage.list(dir)) {
            String path = dir.endsWith("/") ? dir + child.name() : dir + "/" + child.name();
            if (child.isDirectory()) {
                removeTree(storage, path, depth + 1);
            } else {
                storage.delete(path);
            }
        }
        storage.removeDirectory(dir);
    }
}
