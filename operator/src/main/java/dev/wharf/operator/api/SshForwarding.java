package dev.wharf.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;

/** What the sshd sidecar may forward; everything is off unless the user turns it on. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SshForwarding {

    @Default("false")
    @JsonPropertyDescription("Allow ssh-agent forwarding (AllowAgentForwarding).")
    public Boolean agent = false;

    @Default("false")
    @JsonPropertyDescription("Allow X11 forwarding (X11Forwarding; needs xauth in the image).")
    public Boolean x11 = false;

    @Default("false")
    @JsonPropertyDescription("Allow TCP port forwarding (AllowTcpForwarding), e.g. ssh -L.")
    public Boolean tcp = false;

    public SshForwarding() {
    }

    public SshForwarding(boolean agent, boolean x11, boolean tcp) {
        this.agent = agent;
        this.x11 = x11;
        this.tcp = tcp;
    }

    public static boolean agent(SshForwarding f) {
        return f != null && Boolean.TRUE.equals(f.agent);
    }

    public static boolean x11(SshForwarding f) {
        return f != null && Boolean.TRUE.equals(f.x11);
    }

    public static boolean tcp(SshForwarding f) {
        return f != null && Boolean.TRUE.equals(f.tcp);
    }
}
