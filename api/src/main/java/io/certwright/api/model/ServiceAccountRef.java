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
 * A ServiceAccount whose token is requested for authentication.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"name", "audiences"})
public class ServiceAccountRef {
    @JsonProperty("name")
    private String name;
    @JsonProperty("audiences")
    private List<String> audiences;

    /**
     * Fields this model does not name, kept so that a manifest read and written back loses nothing.
     * Empty and shared until the first one is set.
     */
    private Map<String, Object> additionalProperties = Map.of();

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public ServiceAccountRef withName(String name) {
        this.name = name;
        return this;
    }

    public List<String> getAudiences() {
        return audiences;
    }

    public void setAudiences(List<String> audiences) {
        this.audiences = audiences;
    }

    public ServiceAccountRef withAudiences(List<String> audiences) {
        this.audiences = audiences;
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
        if (!(other instanceof ServiceAccountRef that)) {
            return false;
        }
        return Objects.equals(name, that.name) && Objects.equals(audiences, that.audiences) && additionalProperties.equals(that.additionalProperties);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, audiences, additionalProperties);
    }
}
