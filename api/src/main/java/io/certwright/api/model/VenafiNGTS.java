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
 * Palo Alto NGTS connection.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"url", "tokenEndpoint", "tsgID", "credentialsRef"})
public class VenafiNGTS {
    @JsonProperty("url")
    private String url;
    @JsonProperty("tokenEndpoint")
    private String tokenEndpoint;
    @JsonProperty("tsgID")
    private String tsgID;
    @JsonProperty("credentialsRef")
    private LocalObjectReference credentialsRef;

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

    public VenafiNGTS withUrl(String url) {
        this.url = url;
        return this;
    }

    public String getTokenEndpoint() {
        return tokenEndpoint;
    }

    public void setTokenEndpoint(String tokenEndpoint) {
        this.tokenEndpoint = tokenEndpoint;
    }

    public VenafiNGTS withTokenEndpoint(String tokenEndpoint) {
        this.tokenEndpoint = tokenEndpoint;
        return this;
    }

    public String getTsgID() {
        return tsgID;
    }

    public void setTsgID(String tsgID) {
        this.tsgID = tsgID;
    }

    public VenafiNGTS withTsgID(String tsgID) {
        this.tsgID = tsgID;
        return this;
    }

    public LocalObjectReference getCredentialsRef() {
        return credentialsRef;
    }

    public void setCredentialsRef(LocalObjectReference credentialsRef) {
        this.credentialsRef = credentialsRef;
    }

    public VenafiNGTS withCredentialsRef(LocalObjectReference credentialsRef) {
        this.credentialsRef = credentialsRef;
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
        if (!(other instanceof VenafiNGTS that)) {
            return false;
        }
        return Objects.equals(url, that.url) && Objects.equals(tokenEndpoint, that.tokenEndpoint) && Objects.equals(tsgID, that.tsgID) && Objects.equals(credentialsRef, that.credentialsRef) && additionalProperties.equals(that.additionalProperties);
    }

    @Override
    public int hashCode() {
        return Objects.hash(url, tokenEndpoint, tsgID, credentialsRef, additionalProperties);
    }
}
