package dev.wharf.operator.api;

import dev.wharf.config.PortRange;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.IntOrString;

/**
 * One door (listener speaking one protocol). Present and enabled means the server opens it; its port is
 * a number from the pool's control-port block or {@code auto}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Door {

    @Default("true")
    @JsonPropertyDescription("Open this door. Defaults to true when the door is listed.")
    public Boolean enabled = true;

    @Default("auto")
    @ValidationRule(value = "type(self) == string ? self == 'auto' : (self >= " + PortRange.LOWEST + " && self <= " + PortRange.HIGHEST + ")",
            message = "port must be 'auto' or a number from " + PortRange.LOWEST + " to " + PortRange.HIGHEST)
    @JsonPropertyDescription("Control port: a number inside the pool's control-port block, or 'auto' to let the operator pick one.")
    public IntOrString port = new IntOrString("auto");

    public Door() {
    }

    public Door(IntOrString port) {
        this.port = port;
    }

    public static Door auto() {
        return new Door();
    }

    public static Door onPort(int port) {
        return new Door(new IntOrString(port));
    }

    /** The fixed port asked for, or {@code null} for {@code auto}. */
    public static Integer fixedPort(IntOrString port) {
        if (port == null || port.getIntVal() == null) {
            return null;
        }
        return port.getIntVal();
    }
}
