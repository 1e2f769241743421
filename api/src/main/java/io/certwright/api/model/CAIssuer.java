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
 * Signs with a CA key pair stored in a Secret.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"secretName", "crlDistributionPoints", "ocspServers", "issuingCertificateURLs"})
public class CAIssuer {
    @JsonProperty("secretName")
    private String secretName;
    @JsonProperty("crlDistributionPoints")
    private List<String> crlDistributionPoints;
    @JsonProperty("ocspServers")
    private List<String> ocspServers;
    @JsonProperty("issuingCertificateURLs")
    private List<String> issuingCertificateURLs;

    /**
     * Fields this model does not name, kept so that a manifest read and written back loses nothing.
     * Empty and shared until the first one is set.
     */
    private Map<String, Object> additionalProperties = Map.of();

    public String getSecretName() {
        return secretName;
    }

    public void setSecretName(String secretName) {
        this.secretName = secretName;
    }

    public CAIssuer withSecretName(String secretName) {
        this.secretName = secretName;
        return this;
    }

    public List<String> getCrlDistributionPoints() {
        return crlDistributionPoints;
    }

    public void setCrlDistributionPoints(List<String> crlDistributionPoints) {
        this.crlDistributionPoints = crlDistributionPoints;
    }

    public CAIssuer withCrlDistributionPoints(List<String> crlDistributionPoints) {
        this.crlDistributionPoints = crlDistributionPoints;
        return this;
    }

    public List<String> getOcspServers() {
        return ocspServers;
    }

    public void setOcspServers(List<String> ocspServers) {
        this.ocspServers = ocspServers;
    }

    public CAIssuer withOcspServers(List<String> ocspServers) {
        this.ocspServers = ocspServers;
        return this;
    }

    public List<String> getIssuingCertificateURLs() {
        return issuingCertificateURLs;
    }

    public void setIssuingCertificateURLs(List<String> issuingCertificateURLs) {
        this.issuingCertificateURLs = issuingCertificateURLs;
    }

    public CAIssuer withIssuingCertificateURLs(List<String> issuingCertificateURLs) {
        this.issuingCertificateURLs = issuingCertificateURLs;
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
        if (!(other instanceof CAIssuer that)) {
            return false;
        }
        return Objects.equals(secretName, that.secretName) && Objects.equals(crlDistributionPoints, that.crlDistributionPoints) && Objects.equals(ocspServers, that.ocspServers) && Objects.equals(issuingCertificateURLs, that.issuingCertificateURLs) && additionalProperties.equals(that.additionalProperties);
    }

    @Override
    public int hashCode() {
        return Objects.hash(secretName, crlDistributionPoints, ocspServers, issuingCertificateURLs, additionalProperties);
    }
}
