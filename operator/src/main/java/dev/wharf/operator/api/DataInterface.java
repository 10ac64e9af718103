package dev.wharf.operator.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

import java.util.List;

/** The NIC data connections use, by name, with per-node exceptions. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DataInterface {

    @Required
    @Pattern(Patterns.INTERFACE_NAME)
    @JsonPropertyDescription("Interface name on every node (e.g. ens1f0), unless overridden.")
    public String name;

    @JsonPropertyDescription("Nodes whose data NIC is named differently.")
    public List<InterfaceOverride> overrides;

    public DataInterface() {
    }

    public DataInterface(String name) {
        this.name = name;
    }

    /** The data interface of one node. */
    @JsonIgnore
    public String forNode(String node) {
        if (overrides != null) {
            for (InterfaceOverride o : overrides) {
                if (o.node.equals(node)) {
                    return o.interfaceName;
                }
            }
        }
        return name;
    }
}
