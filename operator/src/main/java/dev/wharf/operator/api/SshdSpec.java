package dev.wharf.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.IntOrString;

/** The per-job sshd sidecar (Shifter style): only {@link #user} can log in, with their keys. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "!self.enabled || (has(self.user) && has(self.authorizedKeysSecret))",
        message = "an enabled sshd needs user and authorizedKeysSecret")
public class SshdSpec {

    @Default("false")
    @JsonPropertyDescription("Run the sshd sidecar.")
    public Boolean enabled = false;

    @JsonPropertyDescription("The owning user: the sidecar runs as this uid and admits only this user.")
    public SshUser user;

    @JsonPropertyDescription("Secret holding the user's authorized public keys. Default key 'authorized_keys'.")
    public SecretKeyRef authorizedKeysSecret;

    @Default("auto")
    @ValidationRule(value = "type(self) == string ? self == 'auto' : (self >= 1 && self <= 65535)",
            message = "port must be 'auto' or a number from 1 to 65535")
    @JsonPropertyDescription("sshd port: a number inside the pool's control-port block, or 'auto'.")
    public IntOrString port = new IntOrString("auto");

    @JsonPropertyDescription("Forwarding the sidecar allows (agent, x11, tcp); all off by default.")
    public SshForwarding forwarding;

    public boolean isEnabled() {
        return Boolean.TRUE.equals(enabled);
    }
}
