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
 * Renewal control: {@code RenewBefore} with optional windows, or {@code Disabled}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"policy", "windows"})
public class CertificateRenewal {
    @JsonProperty("policy")
    private String policy;
    @JsonProperty("windows")
    private List<CertificateRenewalWindow> windows;

    /**
     * Fields this model does not name, kept so that a manifest read and written back loses nothing.
     * Empty and shared until the first one is set.
     */
    private Map<String, Object> additionalProperties = Map.of();

    public String getPolicy() {
        return policy;
    }

    public void setPolicy(String policy) {
        this.policy = policy;
    }

    public CertificateRenewal withPolicy(String policy) {
        this.policy = policy;
        return this;
    }

    public List<CertificateRenewalWindow> getWindows() {
        return windows;
    }

    public void setWindows(List<CertificateRenewalWindow> windows) {
        this.windows = windows;
    }

    public CertificateRenewal withWindows(List<CertificateRenewalWindow> windows) {
        this.windows = windows;
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
        if (!(other instanceof CertificateRenewal that)) {
            return false;
        }
        return Objects.equals(policy, that.policy) && Objects.equals(windows, that.windows) && additionalProperties.equals(that.additionalProperties);
    }

    @Override
    public int hashCode() {
        return Objects.hash(policy, windows, additionalProperties);
    }
}
