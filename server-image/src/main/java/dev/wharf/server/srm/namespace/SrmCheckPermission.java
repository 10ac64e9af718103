package dev.wharf.server.srm.namespace;

import dev.wharf.server.acl.Operation;
import dev.wharf.server.fs.FileEntry;
import dev.wharf.server.fs.Storage;
import dev.wharf.server.fs.StorageException;
import dev.wharf.server.srm.Jaxb;
import dev.wharf.server.srm.SrmException;
import dev.wharf.server.srm.SrmOperation;
import dev.wharf.server.srm.SrmSession;
import dev.wharf.server.srm.SrmStatus;
import dev.wharf.server.srm.Surls;
import dev.wharf.server.srm.v22.ArrayOfTSURLPermissionReturn;
import dev.wharf.server.srm.v22.ObjectFactory;
import dev.wharf.server.srm.v22.SrmCheckPermissionRequest;
import dev.wharf.server.srm.v22.SrmCheckPermissionResponse;
import dev.wharf.server.srm.v22.TSURLPermissionReturn;
import java.util.List;

/**
 * srmCheckPermission: what the caller may do to each SURL, as the ACLs decide (the same checks the
 * operations themselves make, asked without acting or logging a denial): R read (a file's content, a
 * directory's listing), W write (replace or remove a file, create in a directory), X enter a directory.
 * A missing path is {@code SRM_INVALID_PATH}.
 */
public final class SrmCheckPermission implements SrmOperation<SrmCheckPermissionRequest, SrmCheckPermissionResponse> {

    private static final ObjectFactory F = new ObjectFactory();

    @Override
    public String name() {
        return "srmCheckPermission";
    }

    @Override
    public Class<SrmCheckPermissionRequest> requestType() {
        return SrmCheckPermissionRequest.class;
    }

    @Override
    public SrmCheckPermissionResponse handle(SrmSession session, SrmCheckPermissionRequest request) throws SrmException {
        List<String> surls = Jaxb.surls(request.getArrayOfSURLs());
        ArrayOfTSURLPermissionReturn permissions = new ArrayOfTSURLPermissionReturn();
        int failed = 0;
        for (String surl : surls) {
            TSURLPermissionReturn p = new TSURLPermissionReturn();
            p.setSurl(surl);
            try {
                String path = Surls.path(surl);
                int bits = bits(session.storage(), path, session.storage().stat(path));
                p.setPermission(F.createTSURLPermissionReturnPermission(PathDetails.mode(bits)));
                p.setStatus(SrmStatus.success());
            } catch (SrmException e) {
                failed++;
                p.setStatus(SrmStatus.of(e.status(), e.getMessage()));
            } catch (StorageException e) {
                failed++;
                p.setStatus(SrmStatus.of(e));
            }
            permissions.getSurlPermissionArray().add(p);
        }
        SrmCheckPermissionResponse response = new SrmCheckPermissionResponse();
        response.setReturnStatus(SrmStatus.of(SrmStatus.overall(failed, surls.size())));
        response.setArrayOfPermissions(F.createSrmCheckPermissionResponseArrayOfPermissions(permissions));
        return response;
    }

    /** rwx as 4/2/1, from the operations the ACLs would allow on {@code path}. */
    private static int bits(Storage storage, String path, FileEntry entry) {
        boolean dir = entry.isDirectory();
        boolean read = storage.allowed(dir ? Operation.LIST_DIRECTORY : Operation.READ_FILE, path);
        boolean write = dir ? storage.allowed(Operation.MAKE_DIRECTORY, path + "/x") || storage.allowed(Operation.CREATE_FILE, path + "/x")
                : storage.allowed(Operation.OVERWRITE_FILE, path);
        boolean execute = dir && storage.allowed(Operation.CHANGE_DIRECTORY, path);
        return (read ? 4 : 0) | (write ? 2 : 0) | (execute ? 1 : 0);
    }
}
