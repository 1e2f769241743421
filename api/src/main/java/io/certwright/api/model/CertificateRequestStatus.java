package io.certwright.api.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Result of a signing request.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"conditions", "certificate", "ca", "failureTime"})
public class CertificateRequestStatus {
    @JsonProperty("conditions")
    private List<CertificateRequestCondition> conditions;
    /** PEM chain, leaf first. */
    @JsonProperty("certificate")
    private byte[] certificate;
    /** PEM CA certificate, best effort. */
    @JsonProperty("ca")
    private byte[] ca;
    @JsonProperty("failureTime")
    private Instant failureTime;

    /**
     * Fields this model does not name, kept so that a manifest read and written back loses nothing.
     * Empty and shared until the first one is set.
     */
    private Map<String, Object> additionalProperties = Map.of();

    public List<CertificateRequestCondition> getConditions() {
        return conditions;
    }

    public void setConditions(List<CertificateRequestCondition> conditions) {
        this.conditions = conditions;
    }

    public CertificateRequestStatus withConditions(List<CertificateRequestCondition> conditions) {
        this.conditions = conditions;
        return this;
    }

    public byte[] getCertificate() {
        return certificate;
    }

    public void setCertificate(byte[] certificate) {
        this.certificate = certificate;
    }

    public CertificateRequestStatus withCertificate(byte[] certificate) {
        this.certificate = certificate;
        return this;
    }

    public byte[] getCa() {
        return ca;
    }

    public void setCa(byte[] ca) {
        this.ca = ca;
    }

    public CertificateRequestStatus withCa(byte[] ca) {
        this.ca = ca;
        return this;
    }

    public Instant getFailureTime() {
        return failureTime;
    }

    public void setFailureTime(Instant failureTime) {
        this.failureTime = failureTime;
    }

    public CertificateRequestStatus withFailureTime(Instant failureTime) {
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
        if (!(other instanceof CertificateRequestStatus that)) {
            return false;
        }
        return Objects.equals(conditions, that.conditions) && java.util.Arrays.equals(certificate, that.certificate) && java.util.Arrays.equals(ca, that.ca) && Objects.equals(failureTime, that.failureTime) && additionalProperties.equals(that.additionalProperties);
    }

    @Override
    public int hashCode() {
        return Objects.hash(conditions, java.util.Arrays.hashCode(certificate), java.util.Arrays.hashCode(ca), failureTime, additionalProperties);
    }
}
