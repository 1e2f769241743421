package io.certwright.api.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One entry of {@code status.conditions} on a Certificate.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "status", "lastTransitionTime", "reason", "message", "observedGeneration"})
public class CertificateCondition {
    @JsonProperty("type")
    private String type;
    /** {@code True}, {@code False} or {@code Unknown}. */
    @JsonProperty("status")
    private String status;
    /** Changes only when the status flips. */
    @JsonProperty("lastTransitionTime")
    private Instant lastTransitionTime;
    @JsonProperty("reason")
    private String reason;
    @JsonProperty("message")
    private String message;
    @JsonProperty("observedGeneration")
    private Long observedGeneration;

    /**
     * Fields this model does not name, kept so that a manifest read and written back loses nothing.
     * Empty and shared until the first one is set.
     */
    private Map<String, Object> additionalProperties = Map.of();

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public CertificateCondition withType(String type) {
        this.type = type;
        return this;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public CertificateCondition withStatus(String status) {
        this.status = status;
        return this;
    }

    public Instant getLastTransitionTime() {
        return lastTransitionTime;
    }

    public void setLastTransitionTime(Instant lastTransitionTime) {
        this.lastTransitionTime = lastTransitionTime;
    }

    public CertificateCondition withLastTransitionTime(Instant lastTransitionTime) {
        this.lastTransitionTime = lastTransitionTime;
        return this;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public CertificateCondition withReason(String reason) {
        this.reason = reason;
        return this;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }

    public CertificateCondition withMessage(String message) {
        this.message = message;
        return this;
    }

    public Long getObservedGeneration() {
        return observedGeneration;
    }

    public void setObservedGeneration(Long observedGeneration) {
        this.observedGeneration = observedGeneration;
    }

    public CertificateCondition withObservedGeneration(Long observedGeneration) {
        this.observedGeneration = observedGeneration;
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
        if (!(other instanceof CertificateCondition that)) {
            return false;
        }
        return Objects.equals(type, that.type) && Objects.equals(status, that.status) && Objects.equals(lastTransitionTime, that.lastTransitionTime) && Objects.equals(reason, that.reason) && Objects.equals(message, that.message) && Objects.equals(observedGeneration, that.observedGeneration) && additionalProperties.equals(that.additionalProperties);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, status, lastTransitionTime, reason, message, observedGeneration, additionalProperties);
    }
}
