package dev.wharf.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import java.util.Objects;

/** One URL a client can connect to: a door on a node. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Endpoint {

    @JsonPropertyDescription("Node the pod runs on.")
    public String node;

    @JsonPropertyDescription("Door: ftp, ftps, gsiftp, dcap, gsidcap, krbftp, krbdcap or srm.")
    public String door;

    @JsonPropertyDescription("URL, e.g. gsiftp://node-a.example:2811 or srm://node-a.example:8443/srm/managerv2")
    public String url;

    @JsonPropertyDescription("What a client needs to know to use this endpoint, e.g. where data connections go.")
    public String hint;

    public Endpoint() {
    }

    public Endpoint(String node, String door, String url) {
        this.node = node;
        this.door = door;
        this.url = url;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Endpoint e && Objects.equals(node, e.node) && Objects.equals(door, e.door)
                && Objects.equals(url, e.url) && Objects.equals(hint, e.hint);
    }

    @Override
    public int hashCode() {
        return Objects.hash(node, door, url, hint);
    }

    @Override
    public String toString() {
        return url;
    }
}
