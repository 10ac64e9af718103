package dev.wharf.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

/** The one user the sshd sidecar runs as and admits. Never root: uid and gid start at 1. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SshUser {

    @Required
    @Pattern(Patterns.USER_NAME)
    @JsonPropertyDescription("Login name.")
    public String name;

    @Required
    @Min(1)
    @Max(2147483647)
    @JsonPropertyDescription("Numeric user id the sidecar runs as (not 0).")
    public Long uid;

    @Required
    @Min(1)
    @Max(2147483647)
    @JsonPropertyDescription("Numeric group id (not 0).")
    public Long gid;

    public SshUser() {
    }

    public SshUser(String name, long uid, long gid) {
        this.name = name;
        this.uid = uid;
        this.gid = gid;
    }
}
