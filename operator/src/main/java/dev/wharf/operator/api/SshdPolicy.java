package dev.wharf.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.ValidationRule;

/** Whether a pool admits the sshd sidecar, and which numeric identities it may run as. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "!self.allowed || (has(self.uids) && has(self.gids))",
        message = "an allowed sshd needs the uids and gids it may run as")
public class SshdPolicy {

    @Default("false")
    @JsonPropertyDescription("Whether servers may run the sshd sidecar.")
    public Boolean allowed = false;

    @JsonPropertyDescription("UIDs the sidecar may run as (e.g. the site's range of user accounts).")
    public IdRange uids;

    @JsonPropertyDescription("GIDs the sidecar may run as.")
    public IdRange gids;

    public SshdPolicy() {
    }

    public SshdPolicy(IdRange uids, IdRange gids) {
        this.allowed = true;
        this.uids = uids;
        this.gids = gids;
    }
}
