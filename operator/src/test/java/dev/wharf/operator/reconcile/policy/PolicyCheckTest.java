package dev.wharf.operator.reconcile.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.config.AccessLevel;
import dev.wharf.operator.api.Anonymous;
import dev.wharf.operator.api.Authentication;
import dev.wharf.operator.api.Door;
import dev.wharf.operator.api.DoorType;
import dev.wharf.operator.api.Doors;
import dev.wharf.operator.api.IdRange;
import dev.wharf.operator.api.PoolDefaults;
import dev.wharf.operator.api.PoolPolicy;
import dev.wharf.operator.api.ResourceCaps;
import dev.wharf.operator.api.SecretKeyRef;
import dev.wharf.operator.api.ServerAcl;
import dev.wharf.operator.api.SshUser;
import dev.wharf.operator.api.SshdPolicy;
import dev.wharf.operator.api.SshdSpec;
import dev.wharf.operator.api.StoragePoolSpec;
import dev.wharf.operator.api.TransferServerSpec;
import dev.wharf.operator.reconcile.validate.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyCheckTest {

    @Test
    void withNoPolicyAtAllPlainAuthenticatedDoorsAreAdmitted() {
        TransferServerSpec spec = spec(DoorType.FTP, DoorType.FTPS, DoorType.GSIFTP, DoorType.GSIDCAP);
        assertEquals(List.of(), PolicyCheck.check(spec, "scratch", new StoragePoolSpec()));
        TransferServerSpec kerberosAndSrm = spec(DoorType.KRBFTP, DoorType.KRBDCAP, DoorType.SRM);
        assertEquals(List.of(), PolicyCheck.check(kerberosAndSrm, "scratch", new StoragePoolSpec()),
                "the Kerberos doors and SRM authenticate every session: admitted like gsiftp");
    }

    @Test
    void theSafeDefaultsRefusePlainDcapAnonymousAndTheSshd() {
        assertOnly(PolicyCheck.DOOR_NOT_ALLOWED, "policy.doors does not admit door dcap",
                PolicyCheck.check(spec(DoorType.FTP, DoorType.DCAP), "scratch", new StoragePoolSpec()));

        TransferServerSpec anon = spec(DoorType.FTP);
        anon.authentication = new Authentication();
        anon.authentication.anonymous = new Anonymous();
        anon.authentication.anonymous.enabled = true;
        assertOnly(PolicyCheck.ANONYMOUS_NOT_ALLOWED, "policy.anonymous", PolicyCheck.check(anon, "scratch", new StoragePoolSpec()));

        assertOnly(PolicyCheck.SSHD_NOT_ALLOWED, "policy.sshd does not admit",
                PolicyCheck.check(withSshd(1000, 1000), "scratch", new StoragePoolSpec()));
    }

    @Test
    void anonymousSwitchedOnByThePoolsOwnDefaultsIsStillAnonymous() {
        StoragePoolSpec pool = new StoragePoolSpec();
        pool.defaults = new PoolDefaults();
        pool.defaults.anonymous = new Anonymous();
        pool.defaults.anonymous.enabled = true;
        assertOnly(PolicyCheck.ANONYMOUS_NOT_ALLOWED, "anonymous", PolicyCheck.check(spec(DoorType.FTP), "scratch", pool));
        pool.policy = new PoolPolicy();
        pool.policy.anonymous = true;
        assertEquals(List.of(), PolicyCheck.check(spec(DoorType.FTP), "scratch", pool));
    }

    @Test
    void anAdmittedSshdMustRunAsAnIdInsideTheRanges() {
        StoragePoolSpec pool = new StoragePoolSpec();
        pool.policy = new PoolPolicy();
        pool.policy.sshd = new SshdPolicy(new IdRange(1000, 1999), new IdRange(1000, 1099));
        assertEquals(List.of(), PolicyCheck.check(withSshd(1500, 1050), "scratch", pool));
        assertOnly(PolicyCheck.SSHD_NOT_ALLOWED, "policy.sshd.uids (1000-1999) does not admit spec.sshd.user.uid 0",
                PolicyCheck.check(withSshd(0, 1050), "scratch", pool));
        assertOnly(PolicyCheck.SSHD_NOT_ALLOWED, "policy.sshd.gids (1000-1099) does not admit spec.sshd.user.gid 1200",
                PolicyCheck.check(withSshd(1500, 1200), "scratch", pool));
    }

    @Test
    void listedDoorsReplaceTheDefault() {
        StoragePoolSpec pool = new StoragePoolSpec();
        pool.policy = new PoolPolicy();
        pool.policy.doors = List.of("gsiftp", "dcap");
        assertEquals(List.of(), PolicyCheck.check(spec(DoorType.DCAP, DoorType.GSIFTP), "scratch", pool));
        assertOnly(PolicyCheck.DOOR_NOT_ALLOWED, "door ftp (admitted: gsiftp, dcap)",
                PolicyCheck.check(spec(DoorType.FTP), "scratch", pool));
    }

    @Test
    void perServerCapsOnCpusMemoryAndNodes() {
        StoragePoolSpec pool = new StoragePoolSpec();
        pool.policy = new PoolPolicy();
        pool.policy.perServer = new ResourceCaps(4, "8Gi", 2);
        TransferServerSpec spec = spec(DoorType.FTP);
        spec.cpus = 4;
        spec.memory = "8192Mi";
        spec.nodes = 2;
        assertEquals(List.of(), PolicyCheck.check(spec, "scratch", pool));
        spec.cpus = 5;
        assertOnly(PolicyCheck.SERVER_CAP_EXCEEDED, "spec.cpus 5 is above StoragePool scratch policy.perServer.cpus 4",
                PolicyCheck.check(spec, "scratch", pool));
        spec.cpus = 4;
        spec.memory = "9Gi";
        assertOnly(PolicyCheck.SERVER_CAP_EXCEEDED, "spec.memory 9Gi", PolicyCheck.check(spec, "scratch", pool));
        spec.memory = "1Gi";
        spec.nodes = 3;
        assertOnly(PolicyCheck.SERVER_CAP_EXCEEDED, "perServer.nodes 2", PolicyCheck.check(spec, "scratch", pool));
    }

    @Test
    void aServerMayNotAskForADefaultAclAboveThePoolsCap() {
        StoragePoolSpec pool = new StoragePoolSpec();
        TransferServerSpec spec = spec(DoorType.FTP);
        spec.acl = new ServerAcl();
        spec.acl.authenticated = AccessLevel.WRITE;
        assertEquals(List.of(), PolicyCheck.check(spec, "scratch", pool), "write is the default cap");
        spec.acl.authenticated = AccessLevel.ADMIN;
        assertOnly(PolicyCheck.ACL_LEVEL_NOT_ALLOWED, "spec.acl.authenticated admin is above StoragePool scratch policy.maxDefaultAcl write",
                PolicyCheck.check(spec, "scratch", pool));
        pool.policy = new PoolPolicy();
        pool.policy.maxDefaultAcl = AccessLevel.READ;
        spec.acl.authenticated = AccessLevel.LIST;
        assertOnly(PolicyCheck.ACL_LEVEL_NOT_ALLOWED, "maxDefaultAcl read", PolicyCheck.check(spec, "scratch", pool));
    }

    static TransferServerSpec spec(DoorType... doors) {
        TransferServerSpec spec = new TransferServerSpec();
        spec.pool = "scratch";
        spec.doors = new Doors();
        for (DoorType d : doors) {
            spec.doors.with(d, Door.auto());
        }
        return spec;
    }

    private static TransferServerSpec withSshd(long uid, long gid) {
        TransferServerSpec spec = spec(DoorType.FTP);
        spec.sshd = new SshdSpec();
        spec.sshd.enabled = true;
        spec.sshd.user = new SshUser("jane", uid, gid);
        spec.sshd.authorizedKeysSecret = new SecretKeyRef("keys", null);
        return spec;
    }

    private static void assertOnly(String reason, String mentioned, List<Finding> findings) {
        assertEquals(1, findings.size(), findings.toString());
        assertEquals(reason, findings.get(0).reason());
        assertTrue(findings.get(0).message().contains(mentioned), findings.get(0).message());
    }
}
