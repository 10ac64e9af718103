package dev.wharf.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;

import java.util.List;

/** The dCache-door options, shared by every door of the server. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DoorOptions {

    @Size(max = 64)
    @JsonPropertyDescription("IPv4/IPv6 CIDRs allowed to connect (checked on the real client address, after PROXY). Empty: everyone.")
    public List<@Pattern(Patterns.CIDR) String> allowedSubnets;

    @Min(1)
    @Max(100000)
    @Default("100")
    @JsonPropertyDescription("Concurrent control connections per door; more get 421.")
    public Integer clientLimit = 100;

    @Min(1)
    @Max(128)
    @Default("10")
    @JsonPropertyDescription("Parallel streams of an active-mode MODE E transfer.")
    public Integer streamsPerClient = 10;

    @Min(10)
    @Max(86400)
    @Default("900")
    @JsonPropertyDescription("Seconds a control connection may sit idle before 421.")
    public Integer idleTimeoutSeconds = 900;

    @Default("true")
    @JsonPropertyDescription("Allow uploads onto an existing file.")
    public Boolean overwrite = true;

    @Default("ls-l")
    @JsonPropertyDescription("LIST output: ls-l or legacy (MLSD is always precise).")
    public ListFormat listFormat = ListFormat.LS_L;

    @Default("false")
    @JsonPropertyDescription("Expect a PROXY v1/v2 header before the greeting on every control listener (behind HAProxy).")
    public Boolean proxyProtocol = false;

    @Default("true")
    @JsonPropertyDescription("Log client, identity, path, direction, bytes, duration and reason of aborted transfers.")
    public Boolean logAbortedTransfers = true;
}
