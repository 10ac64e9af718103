package dev.wharf.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

/** A node whose data NIC has a different name than the pool's default. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class InterfaceOverride {

    @Required
    @Pattern(Patterns.DNS_SUBDOMAIN)
    @JsonPropertyDescription("Node name.")
    public String node;

    @Required
    @Pattern(Patterns.INTERFACE_NAME)
    @JsonPropertyDescription("Interface name on that node.")
    public String interfaceName;

    public InterfaceOverride() {
    }

    public InterfaceOverride(String node, String interfaceName) {
        this.node = node;
        this.interfaceName = interfaceName;
    }
}
