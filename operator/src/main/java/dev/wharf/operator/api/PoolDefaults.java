package dev.wharf.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Settings every TransferServer of the pool inherits unless it says otherwise. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PoolDefaults {

    @JsonPropertyDescription("Anonymous FTP defaults.")
    public Anonymous anonymous;

    @JsonPropertyDescription("ACL settings (not overridable by TransferServers).")
    public AclDefaults acl;
}
