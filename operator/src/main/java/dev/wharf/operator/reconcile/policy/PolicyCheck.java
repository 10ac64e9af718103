package dev.wharf.operator.reconcile.policy;

import dev.wharf.config.AccessLevel;
import dev.wharf.operator.api.DoorType;
import dev.wharf.operator.api.PoolPolicy;
import dev.wharf.operator.api.ResourceCaps;
import dev.wharf.operator.api.ServerAcl;
import dev.wharf.operator.api.SshUser;
import dev.wharf.operator.api.StoragePoolSpec;
import dev.wharf.operator.api.TransferServerSpec;
import dev.wharf.operator.reconcile.validate.Finding;
import dev.wharf.operator.render.AnonymousArea;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The rules of a pool's {@code spec.policy} one TransferServer must keep on its own (the per-namespace
 * caps need its neighbours: {@link NamespaceCaps}). Each finding names the rule it breaks and what to do.
 * Pure.
 */
public final class PolicyCheck {

    public static final String DOOR_NOT_ALLOWED = "DoorNotAllowed";
    public static final String ANONYMOUS_NOT_ALLOWED = "AnonymousNotAllowed";
    public static final String SSHD_NOT_ALLOWED = "SshdNotAllowed";
    public static final String SERVER_CAP_EXCEEDED = "ServerCapExceeded";
    public static final String ACL_LEVEL_NOT_ALLOWED = "AclLevelNotAllowed";

    private PolicyCheck() {
    }

    public static List<Finding> check(TransferServerSpec spec, String poolName, StoragePoolSpec pool) {
        PoolPolicy policy = pool.policyOrDefault();
        String rule = "StoragePool " + poolName + " policy.";
        List<Finding> findings = new ArrayList<>();
        for (DoorType door : spec.doors.enabled().keySet()) {
            if (!policy.allowedDoors().contains(door)) {
                findings.add(new Finding(DOOR_NOT_ALLOWED, rule + "doors does not admit door " + door.specName() + " (admitted: "
                        + policy.allowedDoors().stream().map(DoorType::specName).collect(Collectors.joining(", "))
                        + "); remove it from spec.doors or ask the pool admin"));
            }
        }
        if (AnonymousArea.enabled(spec, pool) && !policy.anonymousAllowed()) {
            findings.add(new Finding(ANONYMOUS_NOT_ALLOWED, rule + "anonymous does not admit anonymous FTP;"
                    + " set spec.authentication.anonymous.enabled: false or ask the pool admin"));
        }
        if (spec.sshd != null && spec.sshd.isEnabled()) {
            sshd(spec.sshd.user, policy, rule, findings);
        }
        caps(spec, policy.perServer, rule + "perServer", findings);
        ServerAcl acl = spec.acl;
        AccessLevel cap = policy.maxDefaultAclOrDefault();
        if (acl != null) {
            aclLevel("spec.acl.authenticated", acl.authenticated, cap, rule, findings);
            aclLevel("spec.acl.anonymous", acl.anonymous, cap, rule, findings);
        }
        return findings;
    }

    private static void sshd(SshUser user, PoolPolicy policy, String rule, List<Finding> findings) {
        if (policy.sshd == null || !Boolean.TRUE.equals(policy.sshd.allowed)) {
            findings.add(new Finding(SSHD_NOT_ALLOWED, rule + "sshd does not admit the sshd sidecar;"
                    + " set spec.sshd.enabled: false or ask the pool admin"));
            return;
        }
        if (user == null) {
            return;
        }
        if (policy.sshd.uids == null || !policy.sshd.uids.contains(user.uid)) {
            findings.add(new Finding(SSHD_NOT_ALLOWED, rule + "sshd.uids (" + policy.sshd.uids + ") does not admit spec.sshd.user.uid "
                    + user.uid + "; use your own site uid or ask the pool admin"));
        }
        if (policy.sshd.gids == null || !policy.sshd.gids.contains(user.gid)) {
            findings.add(new Finding(SSHD_NOT_ALLOWED, rule + "sshd.gids (" + policy.sshd.gids + ") does not admit spec.sshd.user.gid "
                    + user.gid + "; use your own site gid or ask the pool admin"));
        }
    }

    private static void caps(TransferServerSpec spec, ResourceCaps caps, String rule, List<Finding> findings) {
        if (caps == null) {
            return;
        }
        if (caps.cpus != null && Resources.cpus(spec) > caps.cpus) {
            findings.add(new Finding(SERVER_CAP_EXCEEDED, "spec.cpus " + Resources.cpus(spec) + " is above " + rule + ".cpus "
                    + caps.cpus + "; ask for fewer or ask the pool admin"));
        }
        if (caps.memory != null && Resources.memory(spec).compareTo(Quantity.getAmountInBytes(new Quantity(caps.memory))) > 0) {
            findings.add(new Finding(SERVER_CAP_EXCEEDED, "spec.memory " + Resources.memoryText(spec) + " is above " + rule
                    + ".memory " + caps.memory + "; ask for less or ask the pool admin"));
        }
        if (caps.nodes != null && Resources.nodes(spec) > caps.nodes) {
            findings.add(new Finding(SERVER_CAP_EXCEEDED, "spec.nodes " + Resources.nodes(spec) + " is above " + rule + ".nodes "
                    + caps.nodes + "; ask for fewer or ask the pool admin"));
        }
    }

    private static void aclLevel(String field, AccessLevel asked, AccessLevel cap, String rule, List<Finding> findings) {
        if (asked != null && asked.compareTo(cap) > 0) {
            findings.add(new Finding(ACL_LEVEL_NOT_ALLOWED, field + " " + asked.value() + " is above " + rule + "maxDefaultAcl "
                    + cap.value() + "; ask for " + cap.value() + " or less, or grant more with .grid-acl files"));
        }
    }
}
