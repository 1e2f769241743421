package io.certwright.api.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Observed state of an Order, copied from the ACME server. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"url", "finalizeURL", "authorizations", "certificate", "state", "reason", "failureTime"})
public class OrderStatus {
    @JsonProperty("url")
    private String url;
    @JsonProperty("finalizeURL")
    private String finalizeURL;
    @JsonProperty("authorizations")
    private List<ACMEAuthorization> authorizations;
    @JsonProperty("certificate")
    private byte[] certificate;
    @JsonProperty("state")
    private String state;
    @JsonProperty("reason")
    private String reason;
    @JsonProperty("failureTime")
    private Instant failureTime;

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

    public OrderStatus withUrl(String url) {
        this.url = url;
        return this;
    }

    public String getFinalizeURL() {
        return finalizeURL;
    }

    public void setFinalizeURL(String finalizeURL) {
        this.finalizeURL = finalizeURL;
    }

    public OrderStatus withFinalizeURL(String finalizeURL) {
        this.finalizeURL = finalizeURL;
        return this;
    }

    public List<ACMEAuthorization> getAuthorizations() {
        return authorizations;
    }

    public void setAuthorizations(List<ACMEAuthorization> authorizations) {
        this.authorizations = authorizations;
    }

    public OrderStatus withAuthorizations(List<ACMEAuthorization> authorizations) {
        this.authorizations = authorizations;
        return this;
    }

    public byte[] getCertificate() {
        return certificate;
    }

    public void setCertificate(byte[] certificate) {
        this.certificate = certificate;
    }

    public OrderStatus withCertificate(byte[] certificate) {
        this.certificate = certificate;
        return this;
    }

    public String getState() {
        return state;
    }

    public void setState(String state) {
        this.state = state;
    }

    public OrderStatus withState(String state) {
        this.state = state;
        return this;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public OrderStatus withReason(String reason) {
        this.reason = reason;
        return this;
    }

    public Instant getFailureTime() {
        return failureTime;
    }

    public void setFailureTime(Instant failureTime) {
        this.failureTime = failureTime;
    }

    public OrderStatus withFailureTime(Instant failureTime) {
        this.failureTime = failureTime;
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
        if (!(other instanceof OrderStatus that)) {
            return false;
        }
        return Objects.equals(url, that.url) && Objects.equals(finalizeURL, that.finalizeURL) && Objects.equals(authorizations, that.authorizations) && Arrays.equals(certificate, that.certificate) && Objects.equals(state, that.state) && Objects.equals(reason, that.reason) && Objects.equals(failureTime, that.failureTime)
                && additionalProperties.equals(that.additionalProperties);
    }

    @Override
    public int hashCode() {
        return Objects.hash(url, finalizeURL, authorizations, Arrays.hashCode(certificate), state, reason, failureTime, additionalProperties);
    }
}
