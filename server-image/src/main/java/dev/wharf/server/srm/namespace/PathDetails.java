package dev.wharf.server.srm.namespace;

import dev.wharf.server.fs.FileEntry;
import dev.wharf.server.srm.SrmStatus;
import dev.wharf.server.srm.v22.ObjectFactory;
import dev.wharf.server.srm.v22.TAccessLatency;
import dev.wharf.server.srm.v22.TFileLocality;
import dev.wharf.server.srm.v22.TFileStorageType;
import dev.wharf.server.srm.v22.TFileType;
import dev.wharf.server.srm.v22.TGroupPermission;
import dev.wharf.server.srm.v22.TMetaDataPathDetail;
import dev.wharf.server.srm.v22.TPermissionMode;
import dev.wharf.server.srm.v22.TRetentionPolicy;
import dev.wharf.server.srm.v22.TRetentionPolicyInfo;
import dev.wharf.server.srm.v22.TReturnStatus;
import dev.wharf.server.srm.v22.TUserPermission;
import java.math.BigInteger;
import java.time.ZoneOffset;
import java.util.GregorianCalendar;
import javax.xml.datatype.DatatypeFactory;

/**
 * One {@code TMetaDataPathDetail} of srmLs from a {@link FileEntry}: type, size, modification time,
 * Unix permissions as owner/group/other modes, and what every file on Wharf is: PERMANENT, ONLINE,
 * REPLICA. Pure.
 */
final class PathDetails {

    private static final ObjectFactory F = new ObjectFactory();
    private static final TPermissionMode[] MODES = {
        TPermissionMode.NONE, TPermissionMode.X, TPermissionMode.W, TPermissionMode.WX,
        TPermissionMode.R, TPermissionMode.RX, TPermissionMode.RW, TPermissionMode.RWX};
    private static final DatatypeFactory DATES = DatatypeFactory.newDefaultInstance();

    private PathDetails() {}

    static TMetaDataPathDetail of(String path, FileEntry entry) {
        TMetaDataPathDetail d = new TMetaDataPathDetail();
        d.setPath(path);
        d.setStatus(F.createTMetaDataPathDetailStatus(SrmStatus.success()));
        d.setSize(F.createTMetaDataPathDetailSize(BigInteger.valueOf(entry.isDirectory() ? 0 : entry.size())));
        if (entry.modified() != null) {
            GregorianCalendar time = GregorianCalendar.from(entry.modified().atZone(ZoneOffset.UTC));
            d.setLastModificationTime(F.createTMetaDataPathDetailLastModificationTime(DATES.newXMLGregorianCalendar(time)));
        }
        d.setType(F.createTMetaDataPathDetailType(type(entry.type())));
        d.setFileStorageType(F.createTMetaDataPathDetailFileStorageType(TFileStorageType.PERMANENT));
        TRetentionPolicyInfo retention = new TRetentionPolicyInfo();
        retention.setRetentionPolicy(TRetentionPolicy.REPLICA);
        retention.setAccessLatency(F.createTRetentionPolicyInfoAccessLatency(TAccessLatency.ONLINE));
        d.setRetentionPolicyInfo(F.createTMetaDataPathDetailRetentionPolicyInfo(retention));
        d.setFileLocality(F.createTMetaDataPathDetailFileLocality(TFileLocality.ONLINE));
        TUserPermission owner = new TUserPermission();
        owner.setUserID(entry.owner() == null ? "" : entry.owner());
        owner.setMode(mode(entry.mode() >> 6));
        d.setOwnerPermission(F.createTMetaDataPathDetailOwnerPermission(owner));
        TGroupPermission group = new TGroupPermission();
        group.setGroupID(entry.group() == null ? "" : entry.group());
        group.setMode(mode(entry.mode() >> 3));
        d.setGroupPermission(F.createTMetaDataPathDetailGroupPermission(group));
        d.setOtherPermission(F.createTMetaDataPathDetailOtherPermission(mode(entry.mode())));
        return d;
    }

    /** A path that could not be described: its status only. */
    static TMetaDataPathDetail failed(String path, TReturnStatus status) {
        TMetaDataPathDetail d = new TMetaDataPathDetail();
        d.setPath(path);
        d.setStatus(F.createTMetaDataPathDetailStatus(status));
        return d;
    }

    static void checksum(TMetaDataPathDetail d, String type, String value) {
        d.setCheckSumType(F.createTMetaDataPathDetailCheckSumType(type));
        d.setCheckSumValue(F.createTMetaDataPathDetailCheckSumValue(value));
    }

    static TPermissionMode mode(int bits) {
        return MODES[bits & 7];
    }

    private static TFileType type(FileEntry.Type type) {
        return switch (type) {
            case DIRECTORY -> TFileType.DIRECTORY;
            case SYMLINK -> TFileType.LINK;
            default -> TFileType.FILE;
        };
    }
}
