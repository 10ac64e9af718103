package dev.wharf.operator.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;

/** An inclusive range of TCP ports, {@code first..last}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "self.first <= self.last", message = "first must not be greater than last")
public class PortRange {

    @Required
    @Min(1)
    @Max(65535)
    @JsonPropertyDescription("First port of the range (inclusive).")
    public Integer first;

    @Required
    @Min(1)
    @Max(65535)
    @JsonPropertyDescription("Last port of the range (inclusive).")
    public Integer last;

    public PortRange() {
    }

    public PortRange(int first, int last) {
        this.first = first;
        this.last = last;
    }

    /** Number of ports in the range. */
    @JsonIgnore
    public int size() {
        return last - first + 1;
    }

    @JsonIgnore
    public boolean contains(int port) {
        return port >= first && port <= last;
    }

    /** {@code FIRST-LAST}, the form server.conf's {@code data.port-range} uses. */
    @Override
    public String toString() {
        return first + "-" + last;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PortRange r && java.util.Objects.equals(first, r.first) && java.util.Objects.equals(last, r.last);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(first, last);
    }
}
