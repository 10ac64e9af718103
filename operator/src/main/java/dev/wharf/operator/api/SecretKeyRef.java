package dev.wharf.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

/** One key of a Secret in the TransferServer's own namespace. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SecretKeyRef {

    @Required
    @Pattern(Patterns.DNS_SUBDOMAIN)
    @JsonPropertyDescription("Name of the Secret (in the TransferServer's namespace).")
    public String name;

    @Pattern(Patterns.SECRET_KEY)
    @JsonPropertyDescription("Key inside the Secret. Each field documents its default.")
    public String key;

    public SecretKeyRef() {
    }

    public SecretKeyRef(String name, String key) {
        this.name = name;
        this.key = key;
    }

    /** The key, or the given default when none was set. */
    public String keyOr(String defaultKey) {
        return key == null || key.isEmpty() ? defaultKey : key;
    }
}
