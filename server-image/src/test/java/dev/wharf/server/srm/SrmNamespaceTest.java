package dev.wharf.server.srm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.config.AccessLevel;
import dev.wharf.server.acl.AccessDecision;
import dev.wharf.server.acl.AccessPolicy;
import dev.wharf.server.checksum.FileChecksums;
import dev.wharf.server.srm.namespace.SrmCalls;
import dev.wharf.server.srm.v22.ArrayOfAnyURI;
import dev.wharf.server.srm.v22.ArrayOfString;
import dev.wharf.server.srm.v22.ArrayOfTGetFileRequest;
import dev.wharf.server.srm.v22.ObjectFactory;
import dev.wharf.server.srm.v22.SrmBringOnlineRequest;
import dev.wharf.server.srm.v22.SrmBringOnlineResponse;
import dev.wharf.server.srm.v22.SrmCheckPermissionRequest;
import dev.wharf.server.srm.v22.SrmCheckPermissionResponse;
import dev.wharf.server.srm.v22.SrmGetSpaceMetaDataRequest;
import dev.wharf.server.srm.v22.SrmGetSpaceMetaDataResponse;
import dev.wharf.server.srm.v22.SrmGetSpaceTokensRequest;
import dev.wharf.server.srm.v22.SrmGetSpaceTokensResponse;
import dev.wharf.server.srm.v22.SrmLsRequest;
import dev.wharf.server.srm.v22.SrmLsResponse;
import dev.wharf.server.srm.v22.SrmMkdirRequest;
import dev.wharf.server.srm.v22.SrmMkdirResponse;
import dev.wharf.server.srm.v22.SrmMvRequest;
import dev.wharf.server.srm.v22.SrmMvResponse;
import dev.wharf.server.srm.v22.SrmRmRequest;
import dev.wharf.server.srm.v22.SrmRmResponse;
import dev.wharf.server.srm.v22.SrmRmdirRequest;
import dev.wharf.server.srm.v22.SrmRmdirResponse;
import dev.wharf.server.srm.v22.TGetFileRequest;
import dev.wharf.server.srm.v22.TMetaDataPathDetail;
import dev.wharf.server.srm.v22.TPermissionMode;
import dev.wharf.server.srm.v22.TStatusCode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.Adler32;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each namespace operation's statuses, at the SOAP-object level over a real jailed storage. */
class SrmNamespaceTest {

    private static final ObjectFactory F = new ObjectFactory();
    /** Everything allowed except under /secret, where the caller has ACL level none. */
    private static final AccessPolicy SECRET_IS_NONE = (who, op, path) -> path.equals("/secret") || path.startsWith("/secret/")
            ? AccessDecision.deny(AccessLevel.NONE, "test acl none") : AccessDecision.allow(AccessLevel.ADMIN, "test");

    @TempDir
    Path root;
    SrmSession session;
    SrmOperations ops;

    @BeforeEach
    void setUp() throws Exception {
        Files.createDirectories(root.resolve("dir/sub"));
        Files.writeString(root.resolve("dir/a.txt"), "hello");
        Files.createDirectories(root.resolve("secret"));
        Files.writeString(root.resolve("secret/s.txt"), "s");
        session = SrmSessions.at(root, SECRET_IS_NONE);
        ops = SrmCalls.namespace(new FileChecksums(), 5);
    }

    @SuppressWarnings("unchecked")
    private <R> R call(String name, Object request) throws SrmException {
        SrmOperation<Object, R> op = (SrmOperation<Object, R>) ops.find(name).orElseThrow();
        return op.handle(session, request);
    }

    private static String surl(String path) {
        return "srm://localhost:8443/srm/managerv2?SFN=" + path;
    }

    private static ArrayOfAnyURI surls(String... paths) {
        ArrayOfAnyURI a = new ArrayOfAnyURI();
        for (String p : paths) {
            a.getUrlArray().add(p.startsWith("srm:") ? p : surl(p));
        }
        return a;
    }

    private SrmLsResponse ls(Integer levels, Integer offset, Integer count, String... paths) throws SrmException {
        SrmLsRequest r = new SrmLsRequest();
        r.setArrayOfSURLs(surls(paths));
        if (levels != null) {
            r.setNumOfLevels(F.createSrmLsRequestNumOfLevels(levels));
        }
        if (offset != null) {
            r.setOffset(F.createSrmLsRequestOffset(offset));
        }
        if (count != null) {
            r.setCount(F.createSrmLsRequestCount(count));
        }
        return call("srmLs", r);
    }

    private static TStatusCode code(TMetaDataPathDetail d) {
        return d.getStatus().getValue().getStatusCode();
    }

    private static List<String> names(TMetaDataPathDetail dir) {
        return dir.getArrayOfSubPaths().getValue().getPathDetailArray().stream().map(TMetaDataPathDetail::getPath).toList();
    }

    @Test
    void lsOfAFileGivesSizeTypeAndAdler32() throws Exception {
        SrmLsResponse r = ls(0, null, null, "/dir/a.txt");
        assertEquals(TStatusCode.SRM_SUCCESS, r.getReturnStatus().getStatusCode());
        TMetaDataPathDetail d = r.getDetails().getValue().getPathDetailArray().get(0);
        assertEquals("/dir/a.txt", d.getPath());
        assertEquals(5, d.getSize().getValue().intValue());
        assertEquals("FILE", d.getType().getValue().value());
        Adler32 adler = new Adler32();
        adler.update("hello".getBytes(StandardCharsets.US_ASCII));
        assertEquals("adler32", d.getCheckSumType().getValue());
        assertEquals(String.format("%08x", adler.getValue()), d.getCheckSumValue().getValue());
    }

    @Test
    void lsOfADirectoryListsItsEntriesSortedOneLevelByDefault() throws Exception {
        SrmLsResponse r = ls(null, null, null, "/dir");
        TMetaDataPathDetail dir = r.getDetails().getValue().getPathDetailArray().get(0);
        assertEquals("DIRECTORY", dir.getType().getValue().value());
        assertEquals(List.of("/dir/a.txt", "/dir/sub"), names(dir));
        assertNull(dir.getArrayOfSubPaths().getValue().getPathDetailArray().get(1).getArrayOfSubPaths(),
                "one level by default");
        assertNull(ls(0, null, null, "/dir").getDetails().getValue().getPathDetailArray().get(0).getArrayOfSubPaths(),
                "numOfLevels 0 describes the directory only");
    }

    @Test
    void lsPagesWithOffsetAndCountAndRefusesAnUnpagedListingOverTheLimit() throws Exception {
        for (int i = 0; i < 12; i++) {
            Files.writeString(root.resolve(String.format("dir/f%02d", i)), "x");
        }
        SrmLsResponse whole = ls(1, null, null, "/dir");
        assertEquals(TStatusCode.SRM_TOO_MANY_RESULTS, whole.getReturnStatus().getStatusCode(), "14 entries, limit 5");
        SrmLsResponse page = ls(1, 3, 4, "/dir");
        assertEquals(TStatusCode.SRM_SUCCESS, page.getReturnStatus().getStatusCode());
        assertEquals(List.of("/dir/f02", "/dir/f03", "/dir/f04", "/dir/f05"), // a.txt, f00, f01 skipped
                names(page.getDetails().getValue().getPathDetailArray().get(0)));
        SrmLsResponse last = ls(1, 12, 1000, "/dir");
        assertEquals(List.of("/dir/f11", "/dir/sub"), names(last.getDetails().getValue().getPathDetailArray().get(0)));
        assertThrows(SrmException.class, () -> ls(1, -1, null, "/dir"));
    }

    @Test
    void lsReportsEachPathsOwnStatus() throws Exception {
        SrmLsResponse r = ls(0, null, null, "/dir/a.txt", "/missing", "/secret", "http://elsewhere/x");
        List<TMetaDataPathDetail> d = r.getDetails().getValue().getPathDetailArray();
        assertEquals(TStatusCode.SRM_PARTIAL_SUCCESS, r.getReturnStatus().getStatusCode());
        assertEquals(TStatusCode.SRM_SUCCESS, code(d.get(0)));
        assertEquals(TStatusCode.SRM_INVALID_PATH, code(d.get(1)));
        assertEquals(TStatusCode.SRM_AUTHORIZATION_FAILURE, code(d.get(2)), "ACL none");
        assertEquals(TStatusCode.SRM_INVALID_PATH, code(d.get(3)), "not an srm:// SURL");
        assertEquals(TStatusCode.SRM_FAILURE, ls(0, null, null, "/missing").getReturnStatus().getStatusCode());
    }

    @Test
    void aPathOutsideTheJailIsRefused() throws Exception {
        Path outside = Files.createTempDirectory("outside");
        Files.writeString(outside.resolve("passwd"), "root:x");
        Files.createSymbolicLink(root.resolve("escape"), outside);
        SrmLsResponse r = ls(0, null, null, "/escape/passwd", "/../../etc/passwd");
        List<TMetaDataPathDetail> d = r.getDetails().getValue().getPathDetailArray();
        assertTrue(code(d.get(0)) == TStatusCode.SRM_AUTHORIZATION_FAILURE || code(d.get(0)) == TStatusCode.SRM_INVALID_PATH,
                String.valueOf(code(d.get(0))));
        assertNull(d.get(0).getSize(), "a size from outside the jail");
        assertTrue(code(d.get(1)) != TStatusCode.SRM_SUCCESS || d.get(1).getPath().equals("/etc/passwd")
                && !Files.exists(root.resolve("etc/passwd")));
        assertNull(d.get(1).getSize());
    }

    @Test
    void mkdirStatuses() throws Exception {
        assertEquals(TStatusCode.SRM_SUCCESS, mkdir("/new").getReturnStatus().getStatusCode());
        assertTrue(Files.isDirectory(root.resolve("new")));
        assertEquals(TStatusCode.SRM_DUPLICATION_ERROR, mkdir("/new").getReturnStatus().getStatusCode());
        assertEquals(TStatusCode.SRM_INVALID_PATH, mkdir("/no/such/parent").getReturnStatus().getStatusCode());
        assertEquals(TStatusCode.SRM_AUTHORIZATION_FAILURE, mkdir("/secret/x").getReturnStatus().getStatusCode());
    }

    private SrmMkdirResponse mkdir(String path) throws SrmException {
        SrmMkdirRequest r = new SrmMkdirRequest();
        r.setSURL(surl(path));
        return call("srmMkdir", r);
    }

    @Test
    void rmdirStatusesAndRecursion() throws Exception {
        assertEquals(TStatusCode.SRM_NON_EMPTY_DIRECTORY, rmdir("/dir", false).getReturnStatus().getStatusCode());
        assertEquals(TStatusCode.SRM_SUCCESS, rmdir("/dir/sub", false).getReturnStatus().getStatusCode());
        assertEquals(TStatusCode.SRM_INVALID_PATH, rmdir("/dir/sub", false).getReturnStatus().getStatusCode());
        assertEquals(TStatusCode.SRM_INVALID_PATH, rmdir("/dir/a.txt", false).getReturnStatus().getStatusCode());
        Files.createDirectories(root.resolve("dir/deep/er"));
        Files.writeString(root.resolve("dir/deep/er/f"), "f");
        assertEquals(TStatusCode.SRM_SUCCESS, rmdir("/dir", true).getReturnStatus().getStatusCode());
        assertFalse(Files.exists(root.resolve("dir")));
        assertEquals(TStatusCode.SRM_AUTHORIZATION_FAILURE, rmdir("/secret", true).getReturnStatus().getStatusCode());
        assertTrue(Files.exists(root.resolve("secret/s.txt")));
        assertThrows(SrmException.class, () -> rmdir("/", true), "the root is never removed");
    }

    private SrmRmdirResponse rmdir(String path, boolean recursive) throws SrmException {
        SrmRmdirRequest r = new SrmRmdirRequest();
        r.setSURL(surl(path));
        r.setRecursive(F.createSrmRmdirRequestRecursive(recursive));
        return call("srmRmdir", r);
    }

    @Test
    void rmGivesPerFileStatuses() throws Exception {
        SrmRmRequest r = new SrmRmRequest();
        r.setArrayOfSURLs(surls("/dir/a.txt", "/dir/a.txt", "/dir/sub", "/secret/s.txt"));
        SrmRmResponse resp = call("srmRm", r);
        assertEquals(TStatusCode.SRM_PARTIAL_SUCCESS, resp.getReturnStatus().getStatusCode());
        List<TStatusCode> codes = resp.getArrayOfFileStatuses().getValue().getStatusArray().stream()
                .map(s -> s.getStatus().getStatusCode()).toList();
        assertEquals(List.of(TStatusCode.SRM_SUCCESS, TStatusCode.SRM_INVALID_PATH, TStatusCode.SRM_INVALID_PATH,
                TStatusCode.SRM_AUTHORIZATION_FAILURE), codes);
        assertFalse(Files.exists(root.resolve("dir/a.txt")));
        SrmRmRequest none = new SrmRmRequest();
        SrmException e = assertThrows(SrmException.class, () -> call("srmRm", none));
        assertEquals(TStatusCode.SRM_INVALID_REQUEST, e.status());
    }

    @Test
    void mvStatuses() throws Exception {
        assertEquals(TStatusCode.SRM_SUCCESS, mv("/dir/a.txt", "/dir/b.txt").getReturnStatus().getStatusCode());
        assertTrue(Files.exists(root.resolve("dir/b.txt")));
        Files.writeString(root.resolve("dir/c.txt"), "c");
        assertEquals(TStatusCode.SRM_DUPLICATION_ERROR, mv("/dir/c.txt", "/dir/b.txt").getReturnStatus().getStatusCode());
        assertEquals(TStatusCode.SRM_INVALID_PATH, mv("/dir/nothing", "/dir/x").getReturnStatus().getStatusCode());
        assertEquals(TStatusCode.SRM_AUTHORIZATION_FAILURE, mv("/dir/c.txt", "/secret/c.txt").getReturnStatus().getStatusCode());
    }

    private SrmMvResponse mv(String from, String to) throws SrmException {
        SrmMvRequest r = new SrmMvRequest();
        r.setFromSURL(surl(from));
        r.setToSURL(surl(to));
        return call("srmMv", r);
    }

    @Test
    void checkPermissionFollowsTheAcls() throws Exception {
        SrmCheckPermissionRequest r = new SrmCheckPermissionRequest();
        r.setArrayOfSURLs(surls("/dir/a.txt", "/dir", "/secret/s.txt", "/missing"));
        SrmCheckPermissionResponse resp = call("srmCheckPermission", r);
        var p = resp.getArrayOfPermissions().getValue().getSurlPermissionArray();
        assertEquals(TPermissionMode.RW, p.get(0).getPermission().getValue());
        assertEquals(TPermissionMode.RWX, p.get(1).getPermission().getValue());
        assertEquals(TStatusCode.SRM_AUTHORIZATION_FAILURE, p.get(2).getStatus().getStatusCode());
        assertEquals(TStatusCode.SRM_INVALID_PATH, p.get(3).getStatus().getStatusCode());
        assertEquals(TStatusCode.SRM_PARTIAL_SUCCESS, resp.getReturnStatus().getStatusCode());
    }

    @Test
    void thereIsNoSpaceReservation() throws Exception {
        SrmGetSpaceTokensResponse all = call("srmGetSpaceTokens", new SrmGetSpaceTokensRequest());
        assertEquals(TStatusCode.SRM_SUCCESS, all.getReturnStatus().getStatusCode());
        assertNull(all.getArrayOfSpaceTokens());
        SrmGetSpaceTokensRequest described = new SrmGetSpaceTokensRequest();
        described.setUserSpaceTokenDescription(F.createSrmGetSpaceTokensRequestUserSpaceTokenDescription("ATLASDATADISK"));
        assertEquals(TStatusCode.SRM_INVALID_REQUEST,
                ((SrmGetSpaceTokensResponse) call("srmGetSpaceTokens", described)).getReturnStatus().getStatusCode());
        SrmGetSpaceMetaDataRequest meta = new SrmGetSpaceMetaDataRequest();
        meta.setArrayOfSpaceTokens(new ArrayOfString());
        meta.getArrayOfSpaceTokens().getStringArray().add("token-1");
        SrmGetSpaceMetaDataResponse m = call("srmGetSpaceMetaData", meta);
        assertEquals(TStatusCode.SRM_FAILURE, m.getReturnStatus().getStatusCode());
        assertEquals(TStatusCode.SRM_INVALID_REQUEST,
                m.getArrayOfSpaceDetails().getValue().getSpaceDataArray().get(0).getStatus().getValue().getStatusCode());
    }

    @Test
    void bringOnlineIsDoneAtOnce() throws Exception {
        SrmBringOnlineRequest r = new SrmBringOnlineRequest();
        r.setArrayOfFileRequests(new ArrayOfTGetFileRequest());
        for (String p : List.of("/dir/a.txt", "/missing")) {
            TGetFileRequest f = new TGetFileRequest();
            f.setSourceSURL(surl(p));
            r.getArrayOfFileRequests().getRequestArray().add(f);
        }
        SrmBringOnlineResponse resp = call("srmBringOnline", r);
        assertEquals(TStatusCode.SRM_PARTIAL_SUCCESS, resp.getReturnStatus().getStatusCode());
        var s = resp.getArrayOfFileStatuses().getValue().getStatusArray();
        assertEquals(TStatusCode.SRM_SUCCESS, s.get(0).getStatus().getStatusCode());
        assertEquals(5, s.get(0).getFileSize().getValue().intValue());
        assertEquals(TStatusCode.SRM_INVALID_PATH, s.get(1).getStatus().getStatusCode());
        assertNull(resp.getRequestToken(), "nothing to poll");
    }

    @Test
    void surlsInBothFormsNameTheSamePath() throws Exception {
        assertEquals("/a/b c", Surls.path("srm://host:8443/srm/managerv2?SFN=/a/b%20c"));
        assertEquals("/a/b", Surls.path("srm://host/a/b"));
        assertEquals("/x+y", Surls.path("srm://host:8443/srm/managerv2?SFN=/x+y"));
        assertThrows(SrmException.class, () -> Surls.path("gsiftp://host/a"));
        assertThrows(SrmException.class, () -> Surls.path(""));
    }

    @Test
    void lsRecursesAsDeepAsAskedAndAllLevelsWithinTheBudget() throws Exception {
        Files.createDirectories(root.resolve("dir/sub/deeper"));
        Files.writeString(root.resolve("dir/sub/deeper/leaf"), "l");
        TMetaDataPathDetail two = ls(2, null, null, "/dir").getDetails().getValue().getPathDetailArray().get(0);
        TMetaDataPathDetail sub = two.getArrayOfSubPaths().getValue().getPathDetailArray().get(1);
        assertEquals(List.of("/dir/sub/deeper"), names(sub));
        assertNull(sub.getArrayOfSubPaths().getValue().getPathDetailArray().get(0).getArrayOfSubPaths(), "two levels only");
        SrmLsRequest all = new SrmLsRequest();
        all.setArrayOfSURLs(surls("/dir"));
        all.setAllLevelRecursive(F.createSrmLsRequestAllLevelRecursive(true));
        SrmLsResponse r = call("srmLs", all);
        assertEquals(TStatusCode.SRM_SUCCESS, r.getReturnStatus().getStatusCode(), "4 entries, limit 5");
        TMetaDataPathDetail deeper = r.getDetails().getValue().getPathDetailArray().get(0).getArrayOfSubPaths().getValue()
                .getPathDetailArray().get(1).getArrayOfSubPaths().getValue().getPathDetailArray().get(0);
        assertEquals(List.of("/dir/sub/deeper/leaf"), names(deeper));
        Files.writeString(root.resolve("dir/sub/deeper/leaf2"), "l");
        Files.writeString(root.resolve("dir/sub/deeper/leaf3"), "l");
        assertEquals(TStatusCode.SRM_TOO_MANY_RESULTS, ((SrmLsResponse) call("srmLs", all)).getReturnStatus().getStatusCode(),
                "the budget counts entries at every level");
    }
}
