package dev.wharf.operator.api;

import dev.wharf.config.AccessLevel;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * The default ACL levels a server asks for where no {@code .grid-acl} governs, over the pool's
 * {@code spec.defaults.acl}; capped by the pool's {@code policy.maxDefaultAcl}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ServerAcl {

    @JsonPropertyDescription("Level of authenticated sessions where no .grid-acl governs.")
    public AccessLevel authenticated;

    @JsonPropertyDescription("Level of anonymous sessions where no .grid-acl governs (anonymous stays read-only).")
    public AccessLevel anonymous;
}
