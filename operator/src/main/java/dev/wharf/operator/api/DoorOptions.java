package dev.wharf.operator.api;

import dev.wharf.config.ListFormat;
import dev.wharf.config.Limits;
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

    // bounds and defaults are the server's (server.conf limits.*), from the shared schema module
    @Min(Limits.CLIENTS_MIN)
    @Max(Limits.CLIENTS_MAX)
    @Default(Limits.CLIENTS_DEFAULT)
    @JsonPropertyDescription("Concurrent control connections per door; more get 421.")
    public Integer clientLimit = Integer.valueOf(Limits.CLIENTS_DEFAULT);

    @Min(Limits.STREAMS_PER_CLIENT_MIN)
    @Max(Limits.STREAMS_PER_CLIENT_MAX)
    @Default(Limits.STREAMS_PER_CLIENT_DEFAULT)
    @JsonPropertyDescription("Parallel streams of an active-mode MODE E transfer.")
    public Integer streamsPerClient = Integer.valueOf(Limits.STREAMS_PER_CLIENT_DEFAULT);

    @Min(Limits.IDLE_TIMEOUT_MIN)
    @Max(Limits.IDLE_TIMEOUT_MAX)
    @Default(Limits.IDLE_TIMEOUT_DEFAULT)
    @JsonPropertyDescription("Seconds a control connection may sit idle before 421.")
    public Integer idleTimeoutSeconds = Integer.valueOf(Limits.IDLE_TIMEOUT_DEFAULT);

    @Default("true")
    @JsonPropertyDescription("Allow uploads onto an existing file.")
    public Boolean overwrite = true;

    @Default("ls-l")
    @JsonPropertyDescription("LIST output: ls-l or legacy (MLSD is always precise).")
    public ListFormat listFormat = ListFormat.LS_L;

    @Default("false")
    @JsonPropertyDescription("Expect a PROXY v1/v2 header before the greeting on every control listener (behind HAProxy). Needs proxyTrusted.")
    public Boolean proxyProtocol = false;

    @Size(max = 64)
    @JsonPropertyDescription("IPv4/IPv6 CIDRs of the proxies whose PROXY headers are believed; a connection from any other peer is closed. Required with proxyProtocol: without it anyone reaching the port could claim any source address.")
    public List<@Pattern(Patterns.CIDR) String> proxyTrusted;

    @Default("true")
    @JsonPropertyDescription("Log client, identity, path, direction, bytes, duration and reason of aborted transfers.")
    public Boolean logAbortedTransfers = true;
}
