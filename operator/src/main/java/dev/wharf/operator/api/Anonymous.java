package dev.wharf.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * Anonymous FTP. Every field is optional; an unset field inherits the pool's default
 * ({@code StoragePool.spec.defaults.anonymous}), then the server's.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Anonymous {

    @JsonPropertyDescription("Allow anonymous FTP logins (read-only).")
    public Boolean enabled;

    @Pattern(Patterns.USER_NAME)
    @JsonPropertyDescription("Account name of anonymous logins (server default 'anonymous').")
    public String user;

    @Pattern(Patterns.RELATIVE_PATH)
    @Size(max = 1024) // bounds the CEL cost estimate of the regex rule below
    @ValidationRule(value = Patterns.NO_DOTDOT_RULE, message = "root must stay inside the pool (no '..')")
    @JsonPropertyDescription("The anonymous area, relative to the pool's root (default 'pub').")
    public String root;

    @JsonPropertyDescription("Anonymous PASS must look like an e-mail address.")
    public Boolean requireEmailPassword;
}
