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
 * Venafi Cloud connection.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"url", "apiTokenSecretRef"})
public class VenafiCloud {
    @JsonProperty("url")
    private String url;
    @JsonProperty("apiTokenSecretRef")
    private SecretKeySelector apiTokenSecretRef;

    /**
     * Fields this model does not name, kept so that a manifest read and written back loses nothing.
     * Empty and shared until the first one is set.
     */
    private Map<String, Object> additionalProperties = Map.of();

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public VenafiCloud withUrl(String url) {
        this.url = url;
        return this;
    }

    public SecretKeySelector getApiTokenSecretRef() {
        return apiTokenSecretRef;
    }

    public void setApiTokenSecretRef(SecretKeySelector apiTokenSecretRef) {
        this.apiTokenSecretRef = apiTokenSecretRef;
    }

    public VenafiCloud withApiTokenSecretRef(SecretKeySelector apiTokenSecretRef) {
        this.apiTokenSecretRef = apiTokenSecretRef;
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
        if (!(other instanceof VenafiCloud that)) {
            return false;
        }
        return Objects.equals(url, that.url) && Objects.equals(apiTokenSecretRef, that.apiTokenSecretRef) && additionalProperties.equals(that.additionalProperties);
    }

    @Override
    public int hashCode() {
        return Objects.hash(url, apiTokenSecretRef, additionalProperties);
    }
}
