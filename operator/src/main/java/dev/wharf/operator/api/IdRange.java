package dev.wharf.operator.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;

/** An inclusive range of numeric user or group ids; never 0 (root). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "self.first <= self.last", message = "first must not be greater than last")
public class IdRange {

    @Required
    @Min(1)
    @Max(2147483647)
    @JsonPropertyDescription("First id (inclusive).")
    public Long first;

    @Required
    @Min(1)
    @Max(2147483647)
    @JsonPropertyDescription("Last id (inclusive).")
    public Long last;

    public IdRange() {
    }

    public IdRange(long first, long last) {
        this.first = first;
        this.last = last;
    }

    @JsonIgnore
    public boolean contains(long id) {
        return id >= first && id <= last;
    }

    @Override
    public String toString() {
        return first + "-" + last;
    }
}
