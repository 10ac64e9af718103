package dev.wharf.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

import java.util.List;

/** The bytes live in one PersistentVolumeClaim per pod (a StatefulSet volume claim template). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ClaimTemplateStorage {

    @JsonPropertyDescription("StorageClass of the claims; unset: the cluster default.")
    public String storageClassName;

    @Required
    @Pattern("^[0-9]+(\\.[0-9]+)?(Ki|Mi|Gi|Ti|Pi|k|M|G|T|P)?$")
    @JsonPropertyDescription("Requested size of each claim, e.g. 10Ti.")
    public String size;

    @JsonPropertyDescription("Access modes; default ReadWriteOnce.")
    public List<String> accessModes;
}
