package dev.wharf.operator.api;

import dev.wharf.config.AccessLevel;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;

/** How the pool's servers treat {@code .grid-acl} files. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AclDefaults {

    @Default("true")
    @JsonPropertyDescription("Evaluate .grid-acl files (SlashGrid ACLs) on every door.")
    public Boolean enabled = true;

    @JsonPropertyDescription("Level of authenticated sessions where no .grid-acl governs (server default write).")
    public AccessLevel authenticated;

    @JsonPropertyDescription("Level of anonymous sessions where no .grid-acl governs (server default list; anonymous stays read-only).")
    public AccessLevel anonymous;
}
