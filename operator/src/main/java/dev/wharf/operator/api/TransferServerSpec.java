package dev.wharf.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

/** What a user asks for: an endpoint with some doors, on some nodes of a pool. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TransferServerSpec {

    @Required
    @Pattern(Patterns.DNS_SUBDOMAIN)
    @JsonPropertyDescription("Name of the StoragePool to serve from.")
    public String pool;

    @Required
    @JsonPropertyDescription("The doors to open, each on a fixed port or 'auto'.")
    public Doors doors;

    @JsonPropertyDescription("How users log in.")
    public Authentication authentication;

    @JsonPropertyDescription("dCache-door options shared by every door.")
    public DoorOptions doorOptions;

    @Min(1)
    @Max(512)
    @Default("2")
    @JsonPropertyDescription("Whole CPUs per pod (requests = limits, so the static CPU manager grants exclusive cores).")
    public Integer cpus = 2;

    @Default("4Gi")
    @Pattern("^[0-9]+(\\.[0-9]+)?(Ki|Mi|Gi|Ti|k|M|G|T)?$")
    @JsonPropertyDescription("Memory per pod (requests = limits), a Kubernetes quantity such as 4Gi.")
    public String memory = "4Gi";

    @Default("auto")
    @JsonPropertyDescription("auto: pin I/O threads next to the NIC and disk; none: leave scheduling to the kernel.")
    public Pinning pinning = Pinning.AUTO;

    @Min(1)
    @Max(1000)
    @Default("1")
    @JsonPropertyDescription("Number of nodes (one pod per node).")
    public Integer nodes = 1;

    @Default("info")
    @JsonPropertyDescription("Server log level.")
    public LogLevel logLevel = LogLevel.INFO;

    @Default("rolling")
    @JsonPropertyDescription("rolling: changed pods restart one at a time, each waiting for the previous one's readiness; "
            + "onDelete: nothing restarts by itself, outdated pods are marked in status.pods for you to delete.")
    public UpdateStrategy updateStrategy = UpdateStrategy.ROLLING;

    @JsonPropertyDescription("Per-job sshd sidecar.")
    public SshdSpec sshd;

    @JsonPropertyDescription("Default ACL levels where no .grid-acl governs, over the pool's defaults; capped by the pool's policy.")
    public ServerAcl acl;
}
