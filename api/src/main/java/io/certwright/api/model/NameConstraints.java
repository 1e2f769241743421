package io.certwright.api.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The X.509 name constraints extension requested for a CA certificate.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"critical", "permitted", "excluded"})
public class NameConstraints {
    @JsonProperty("critical")
    private Boolean critical;
    @JsonProperty("permitted")
    private NameConstraintItem permitted;
    @JsonProperty("excluded")
    private NameConstraintItem excluded;

    /**
     * Fields this model does not name, kept so that a manifest read and written back loses nothing.
     * Empty and shared until the first one is set.
     */
    private Map<String, Object> additionalProperties = Map.of();

    public Boolean getCritical() {
        return critical;
    }

    public void setCritical(Boolean critical) {
        this.critical = critical;
    }

    public NameConstraints withCritical(Boolean critical) {
        this.critical = critical;
        return this;
    }

    public NameConstraintItem getPermitted() {
        return permitted;
    }

    public void setPermitted(NameConstraintItem permitted) {
        this.permitted = permitted;
    }

    public NameConstraints withPermitted(NameConstraintItem permitted) {
        this.permitted = permitted;
        return this;
    }

    public NameConstraintItem getExcluded() {
        return excluded;
    }

    public void setExcluded(NameConstraintItem excluded) {
        this.excluded = excluded;
    }

    public NameConstraints withExcluded(NameConstraintItem excluded) {
        this.excluded = excluded;
        return this;
    }

    @JsonAnyGetter
    public Map<String, Object> getAdditionalProperties() {
        return additionalProperties;
    }

    @JsonAnySetter
    public void setAdditionalProperty(String name, Object value) {
        if (additionalProperties.isEmpty()) {
            additionalProperties = new LinkedHashMap<>();
        }
        additionalProperties.put(name, value);
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof NameConstraints that)) {
            return false;
        }
        return Objects.equals(critical, that.critical) && Objects.equals(permitted, that.permitted) && Objects.equals(excluded, that.excluded) && additionalProperties.equals(that.additionalProperties);
    }

    @Override
    public int hashCode() {
        return Objects.hash(critical, permitted, excluded, additionalProperties);
    }
}
