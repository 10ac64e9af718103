package dev.wharf.operator.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.ValidationRule;

import java.util.EnumMap;
import java.util.Map;

/** The doors a TransferServer opens. A door that is absent (or has enabled: false) stays closed. */
@JsonInclude(JsonInclude.Include.NON_NULL)
// A door listed with enabled: false opens nothing, so it must not satisfy the rule (a missing 'enabled' is
// true, its default).
@ValidationRule(value = "[has(self.ftp) && (!has(self.ftp.enabled) || self.ftp.enabled), has(self.ftps) && (!has(self.ftps.enabled) || self.ftps.enabled), has(self.gsiftp) && (!has(self.gsiftp.enabled) || self.gsiftp.enabled), has(self.dcap) && (!has(self.dcap.enabled) || self.dcap.enabled), has(self.gsidcap) && (!has(self.gsidcap.enabled) || self.gsidcap.enabled), has(self.krbftp) && (!has(self.krbftp.enabled) || self.krbftp.enabled), has(self.krbdcap) && (!has(self.krbdcap.enabled) || self.krbdcap.enabled), has(self.srm) && (!has(self.srm.enabled) || self.srm.enabled)].exists(d, d)",
        message = "at least one enabled door (ftp, ftps, gsiftp, dcap, gsidcap, krbftp, krbdcap, srm) must be listed")
public class Doors {

    @JsonPropertyDescription("Plain FTP with explicit TLS (AUTH TLS). Server default port 2121.")
    public Door ftp;

    @JsonPropertyDescription("Implicit-TLS FTP. Server default port 2990.")
    public Door ftps;

    @JsonPropertyDescription("GridFTP with GSI. Conventional port 2811.")
    public Door gsiftp;

    @JsonPropertyDescription("Plain dCap. Conventional port 22125.")
    public Door dcap;

    @JsonPropertyDescription("dCap inside the GSI tunnel. Conventional port 22128.")
    public Door gsidcap;

    @JsonPropertyDescription("FTP with Kerberos 5 logins (AUTH GSSAPI). dCache's port 22127. Needs authentication.kerberos.")
    public Door krbftp;

    @JsonPropertyDescription("dCap inside the Kerberos tunnel (libgssTunnel). Conventional port 22725. Needs authentication.kerberos.")
    public Door krbdcap;

    @JsonPropertyDescription("SRM v2.2 (httpg and HTTPS), endpoint srm://host:port/srm/managerv2. Conventional port 8443. Needs authentication.hostCredentialSecret.")
    public Door srm;

    /** The enabled doors in a fixed order (the order of {@link DoorType}). */
    @JsonIgnore
    public Map<DoorType, Door> enabled() {
        Map<DoorType, Door> result = new EnumMap<>(DoorType.class);
        for (DoorType type : DoorType.values()) {
            Door door = get(type);
            if (door != null && !Boolean.FALSE.equals(door.enabled)) {
                result.put(type, door);
            }
        }
        return result;
    }

    @JsonIgnore
    public Door get(DoorType type) {
        return switch (type) {
            case FTP -> ftp;
            case FTPS -> ftps;
            case GSIFTP -> gsiftp;
            case DCAP -> dcap;
            case GSIDCAP -> gsidcap;
            case KRBFTP -> krbftp;
            case KRBDCAP -> krbdcap;
            case SRM -> srm;
        };
    }

    public Doors with(DoorType type, Door door) {
        switch (type) {
            case FTP -> ftp = door;
            case FTPS -> ftps = door;
            case GSIFTP -> gsiftp = door;
            case DCAP -> dcap = door;
            case GSIDCAP -> gsidcap = door;
            case KRBFTP -> krbftp = door;
            case KRBDCAP -> krbdcap = door;
            case SRM -> srm = door;
        }
        return this;
    }
}
