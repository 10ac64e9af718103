package dev.wharf.operator.api;

import dev.wharf.config.AccessLevel;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What a pool admits. Enforced by the operator at every reconciliation (a refused server gets a
 * Degraded condition naming the rule). Unset fields are the safe choice: no plain dCap (it is
 * unauthenticated), no anonymous FTP, no sshd, no caps beyond the CRD's own limits, default ACL
 * levels up to {@code write}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PoolPolicy {

    /** Doors a pool admits when the admin lists none: every door but plain, unauthenticated dCap. */
    public static final Set<DoorType> DEFAULT_DOORS = EnumSet.complementOf(EnumSet.of(DoorType.DCAP));

    @JsonPropertyDescription("Doors servers of this pool may open (ftp, ftps, gsiftp, dcap, gsidcap, krbftp, krbdcap, srm); unset: all but dcap.")
    public List<@Pattern("^(ftp|ftps|gsiftp|dcap|gsidcap|krbftp|krbdcap|srm)$") String> doors;

    @Default("false")
    @JsonPropertyDescription("Whether servers may enable anonymous FTP (read-only, inside their own subtree).")
    public Boolean anonymous = false;

    @JsonPropertyDescription("Whether servers may run the per-job sshd sidecar, and as which UIDs/GIDs.")
    public SshdPolicy sshd;

    @JsonPropertyDescription("Caps on each TransferServer: cpus and memory per pod, nodes.")
    public ResourceCaps perServer;

    @JsonPropertyDescription("Caps on the sum over a namespace's TransferServers in this pool: cpus x nodes, memory x nodes, nodes.")
    public ResourceCaps perNamespace;

    @Default("write")
    @JsonPropertyDescription("The highest default ACL level (spec.acl of a TransferServer, where no .grid-acl governs) a server may ask for.")
    public AccessLevel maxDefaultAcl = AccessLevel.WRITE;

    /** The doors admitted, with the safe default when none are listed. */
    @JsonIgnore
    public Set<DoorType> allowedDoors() {
        if (doors == null) {
            return DEFAULT_DOORS;
        }
        Set<DoorType> allowed = EnumSet.noneOf(DoorType.class);
        for (DoorType type : DoorType.values()) {
            if (doors.contains(type.specName())) {
                allowed.add(type);
            }
        }
        return allowed;
    }

    @JsonIgnore
    public boolean anonymousAllowed() {
        return Boolean.TRUE.equals(anonymous);
    }

    @JsonIgnore
    public AccessLevel maxDefaultAclOrDefault() {
        return maxDefaultAcl == null ? AccessLevel.WRITE : maxDefaultAcl;
    }
}
