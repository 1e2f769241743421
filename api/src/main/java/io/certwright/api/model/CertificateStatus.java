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
 * Observed state of a Certificate.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"conditions", "lastFailureTime", "notBefore", "notAfter", "renewalTime", "revision", "nextPrivateKeySecretName", "failedIssuanceAttempts", "acme"})
public class CertificateStatus {
    @JsonProperty("conditions")
    private List<CertificateCondition> conditions;
    @JsonProperty("lastFailureTime")
    private Instant lastFailureTime;
    @JsonProperty("notBefore")
    private Instant notBefore;
    @JsonProperty("notAfter")
    private Instant notAfter;
    @JsonProperty("renewalTime")
    private Instant renewalTime;
    @JsonProperty("revision")
    private Integer revision;
    @JsonProperty("nextPrivateKeySecretName")
    private String nextPrivateKeySecretName;
    @JsonProperty("failedIssuanceAttempts")
    private Integer failedIssuanceAttempts;
    @JsonProperty("acme")
    private CertificateACMEStatus acme;

    /**
     * Fields this model does not name, kept so that a manifest read and written back loses nothing.
     * Empty and shared until the first one is set.
     */
    private Map<String, Object> additionalProperties = Map.of();

    public List<CertificateCondition> getConditions() {
        return conditions;
    }

    public void setConditions(List<CertificateCondition> conditions) {
        this.conditions = conditions;
    }

    public CertificateStatus withConditions(List<CertificateCondition> conditions) {
        this.conditions = conditions;
        return this;
    }

    public Instant getLastFailureTime() {
        return lastFailureTime;
    }

    public void setLastFailureTime(Instant lastFailureTime) {
        this.lastFailureTime = lastFailureTime;
    }

    public CertificateStatus withLastFailureTime(Instant lastFailureTime) {
        this.lastFailureTime = lastFailureTime;
        return this;
    }

    public Instant getNotBefore() {
        return notBefore;
    }

    public void setNotBefore(Instant notBefore) {
        this.notBefore = notBefore;
    }

    public CertificateStatus withNotBefore(Instant notBefore) {
        this.notBefore = notBefore;
        return this;
    }

    public Instant getNotAfter() {
        return notAfter;
    }

    public void setNotAfter(Instant notAfter) {
        this.notAfter = notAfter;
    }

    public CertificateStatus withNotAfter(Instant notAfter) {
        this.notAfter = notAfter;
        return this;
    }

    public Instant getRenewalTime() {
        return renewalTime;
    }

    public void setRenewalTime(Instant renewalTime) {
        this.renewalTime = renewalTime;
    }

    public CertificateStatus withRenewalTime(Instant renewalTime) {
        this.renewalTime = renewalTime;
        return this;
    }

    public Integer getRevision() {
        return revision;
    }

    public void setRevision(Integer revision) {
        this.revision = revision;
    }

    public CertificateStatus withRevision(Integer revision) {
        this.revision = revision;
        return this;
    }

    public String getNextPrivateKeySecretName() {
        return nextPrivateKeySecretName;
    }

    public void setNextPrivateKeySecretName(String nextPrivateKeySecretName) {
        this.nextPrivateKeySecretName = nextPrivateKeySecretName;
    }

    public CertificateStatus withNextPrivateKeySecretName(String nextPrivateKeySecretName) {
        this.nextPrivateKeySecretName = nextPrivateKeySecretName;
        return this;
    }

    public Integer getFailedIssuanceAttempts() {
        return failedIssuanceAttempts;
    }

    public void setFailedIssuanceAttempts(Integer failedIssuanceAttempts) {
        this.failedIssuanceAttempts = failedIssuanceAttempts;
    }

    public CertificateStatus withFailedIssuanceAttempts(Integer failedIssuanceAttempts) {
        this.failedIssuanceAttempts = failedIssuanceAttempts;
        return this;
    }

    public CertificateACMEStatus getAcme() {
        return acme;
    }

    public void setAcme(CertificateACMEStatus acme) {
        this.acme = acme;
    }

    public CertificateStatus withAcme(CertificateACMEStatus acme) {
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
        if (!(other instanceof CertificateStatus that)) {
            return false;
        }
        return Objects.equals(conditions, that.conditions) && Objects.equals(lastFailureTime, that.lastFailureTime) && Objects.equals(notBefore, that.notBefore) && Objects.equals(notAfter, that.notAfter) && Objects.equals(renewalTime, that.renewalTime) && Objects.equals(revision, that.revision) && Objects.equals(nextPrivateKeySecretName, that.nextPrivateKeySecretName) && Objects.equals(failedIssuanceAttempts, that.failedIssuanceAttempts) && Objects.equals(acme, that.acme) && additionalProperties.equals(that.additionalProperties);
    }

    @Override
    public int hashCode() {
        return Objects.hash(conditions, lastFailureTime, notBefore, notAfter, renewalTime, revision, nextPrivateKeySecretName, failedIssuanceAttempts, acme, additionalProperties);
    }
}
