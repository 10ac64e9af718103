package dev.wharf.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.ValidationRule;

/** Where the bytes live: exactly one of hostPath and volumeClaimTemplate. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "has(self.hostPath) != has(self.volumeClaimTemplate)",
        message = "set exactly one of hostPath and volumeClaimTemplate")
public class PoolStorage {

    @JsonPropertyDescription("A directory on every node of the pool.")
    public HostPathStorage hostPath;

    @JsonPropertyDescription("One PersistentVolumeClaim per transfer pod.")
    public ClaimTemplateStorage volumeClaimTemplate;
}
