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
 * Venafi Trust Protection Platform connection.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"url", "credentialsRef", "caBundle", "caBundleSecretRef"})
public class VenafiTPP {
    @JsonProperty("url")
    private String url;
    @JsonProperty("credentialsRef")
    private LocalObjectReference credentialsRef;
    @JsonProperty("caBundle")
    private byte[] caBundle;
    @JsonProperty("caBundleSecretRef")
    private SecretKeySelector caBundleSecretRef;

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

    public VenafiTPP withUrl(String url) {
        this.url = url;
        return this;
    }

    public LocalObjectReference getCredentialsRef() {
        return credentialsRef;
    }

    public void setCredentialsRef(LocalObjectReference credentialsRef) {
        this.credentialsRef = credentialsRef;
    }

    public VenafiTPP withCredentialsRef(LocalObjectReference credentialsRef) {
        this.credentialsRef = credentialsRef;
        return this;
    }

    public byte[] getCaBundle() {
        return caBundle;
    }

    public void setCaBundle(byte[] caBundle) {
        this.caBundle = caBundle;
    }

    public VenafiTPP withCaBundle(byte[] caBundle) {
        this.caBundle = caBundle;
        return this;
    }

    public SecretKeySelector getCaBundleSecretRef() {
        return caBundleSecretRef;
    }

    public void setCaBundleSecretRef(SecretKeySelector caBundleSecretRef) {
        this.caBundleSecretRef = caBundleSecretRef;
    }

    public VenafiTPP withCaBundleSecretRef(SecretKeySelector caBundleSecretRef) {
        this.caBundleSecretRef = caBundleSecretRef;
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
        if (!(other instanceof VenafiTPP that)) {
            return false;
        }
        return Objects.equals(url, that.url) && Objects.equals(credentialsRef, that.credentialsRef) && java.util.Arrays.equals(caBundle, that.caBundle) && Objects.equals(caBundleSecretRef, that.caBundleSecretRef) && additionalProperties.equals(that.additionalProperties);
    }

    @Override
    public int hashCode() {
        return Objects.hash(url, credentialsRef, java.util.Arrays.hashCode(caBundle), caBundleSecretRef, additionalProperties);
    }
}
