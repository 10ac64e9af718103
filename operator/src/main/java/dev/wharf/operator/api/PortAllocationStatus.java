package dev.wharf.operator.api;

import dev.wharf.config.PortRange;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The ports the operator handed one TransferServer from its pool. Unique across the whole pool, so the
 * server may land on any of the pool's nodes without colliding with another TransferServer.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PortAllocationStatus {

    @JsonPropertyDescription("Control port per enabled door (ftp, ftps, gsiftp, dcap, gsidcap, krbftp, krbdcap, srm).")
    public Map<String, Integer> doors = new TreeMap<>();

    @JsonPropertyDescription("Port of the server's admin endpoint (/healthz, /readyz, /metrics, /status).")
    public Integer admin;

    @JsonPropertyDescription("Port of the sshd sidecar, when enabled.")
    public Integer sshd;

    @JsonPropertyDescription("Passive data ports (FTP PASV/EPSV, GridFTP, dCap), a disjoint sub-range of the pool's data range.")
    public PortRange data;

    @Override
    public boolean equals(Object o) {
        return o instanceof PortAllocationStatus p && Objects.equals(doors, p.doors) && Objects.equals(admin, p.admin)
                && Objects.equals(sshd, p.sshd) && Objects.equals(data, p.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(doors, admin, sshd, data);
    }

    @Override
    public String toString() {
        return "doors=" + doors + " admin=" + admin + " sshd=" + sshd + " data=" + data;
    }
}
