package dev.wharf.operator.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.Toleration;

import java.util.List;
import java.util.Map;

/** An admin's description of storage on a set of nodes and the ports its servers may use. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class StoragePoolSpec {

    @Required
    @JsonPropertyDescription("Where the bytes live.")
    public PoolStorage storage;

    @JsonPropertyDescription("Labels a node must carry to serve this pool.")
    public Map<String, String> nodeSelector;

    @JsonPropertyDescription("Tolerations of the transfer pods (e.g. for tainted DTN nodes).")
    public List<Toleration> tolerations;

    @Required
    @JsonPropertyDescription("The NIC data connections use.")
    public DataInterface dataInterface;

    @Required
    @JsonPropertyDescription("Control-port block and data-port range handed out to TransferServers.")
    public PoolPorts ports;

    @JsonPropertyDescription("Namespaces whose TransferServers may use this pool; empty or unset: every namespace.")
    public List<@Pattern("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$") String> allowedNamespaces;

    @JsonPropertyDescription("Defaults for the pool's TransferServers.")
    public PoolDefaults defaults;

    @Default("\"" + DEFAULT_LAYOUT + "\"") // quoted: the generator parses defaults as YAML, where {..} is a map
    @Pattern("^([a-z0-9._-]+|[{]namespace[}]|[{]name[}])(/([a-z0-9._-]+|[{]namespace[}]|[{]name[}]))*$")
    @Size(max = 253)
    @ValidationRule(value = "self.contains('{namespace}')", message = "layout must contain {namespace}: tenants never share a subtree")
    @ValidationRule(value = Patterns.NO_DOTDOT_RULE, message = "layout must stay inside the pool (no '..')")
    @JsonPropertyDescription("Each TransferServer's subtree of the pool: {namespace}/{name} (default, one per server)"
            + " or {namespace} (one share per team), literal segments allowed. Every door and the sshd see only it.")
    public String layout = DEFAULT_LAYOUT;

    @JsonPropertyDescription("What the pool admits; unset fields are the safe defaults (no dcap, no anonymous, no sshd).")
    public PoolPolicy policy;

    /** One subtree per TransferServer. */
    public static final String DEFAULT_LAYOUT = "{namespace}/{name}";

    /** The policy, with its safe defaults when the admin wrote none. */
    @JsonIgnore
    public PoolPolicy policyOrDefault() {
        return policy == null ? new PoolPolicy() : policy;
    }

    /** Whether TransferServers in this namespace may use the pool. */
    @JsonIgnore
    public boolean admits(String namespace) {
        return allowedNamespaces == null || allowedNamespaces.isEmpty() || allowedNamespaces.contains(namespace);
    }
}
