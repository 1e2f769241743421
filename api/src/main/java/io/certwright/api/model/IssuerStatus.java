package io.certwright.api.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Observed state of an Issuer or ClusterIssuer.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"conditions", "acme"})
public class IssuerStatus {
    @JsonProperty("conditions")
    private List<IssuerCondition> conditions;
    @JsonProperty("acme")
    private ACMEIssuerStatus acme;

    /**
     * Fields this model does not name, kept so that a manifest read and written back loses nothing.
     * Empty and shared until the first one is set.
     */
    private Map<String, Object> additionalProperties = Map.of();

    public List<IssuerCondition> getConditions() {
        return conditions;
    }

    public void setConditions(List<IssuerCondition> conditions) {
        this.conditions = conditions;
    }

    public IssuerStatus withConditions(List<IssuerCondition> conditions) {
        this.conditions = conditions;
        return this;
    }

    public ACMEIssuerStatus getAcme() {
        return acme;
    }

    public void setAcme(ACMEIssuerStatus acme) {
        this.acme = acme;
    }

    public IssuerStatus withAcme(ACMEIssuerStatus acme) {
        this.acme = acme;
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
        if (!(other instanceof IssuerStatus that)) {
            return false;
        }
        return Objects.equals(conditions, that.conditions) && Objects.equals(acme, that.acme) && additionalProperties.equals(that.additionalProperties);
    }

    @Override
    public int hashCode() {
        return Objects.hash(conditions, acme, additionalProperties);
    }
}
