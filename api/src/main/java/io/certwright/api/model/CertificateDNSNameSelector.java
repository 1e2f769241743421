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
 * Selects the ACME solver for some names.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"matchLabels", "dnsNames", "dnsZones"})
public class CertificateDNSNameSelector {
    @JsonProperty("matchLabels")
    private Map<String, String> matchLabels;
    @JsonProperty("dnsNames")
    private List<String> dnsNames;
    @JsonProperty("dnsZones")
    private List<String> dnsZones;

    /**
     * Fields this model does not name, kept so that a manifest read and written back loses nothing.
     * Empty and shared until the first one is set.
     */
    private Map<String, Object> additionalProperties = Map.of();

    public Map<String, String> getMatchLabels() {
        return matchLabels;
    }

    public void setMatchLabels(Map<String, String> matchLabels) {
        this.matchLabels = matchLabels;
    }

    public CertificateDNSNameSelector withMatchLabels(Map<String, String> matchLabels) {
        this.matchLabels = matchLabels;
        return this;
    }

    public List<String> getDnsNames() {
        return dnsNames;
    }

    public void setDnsNames(List<String> dnsNames) {
        this.dnsNames = dnsNames;
    }

    public CertificateDNSNameSelector withDnsNames(List<String> dnsNames) {
        this.dnsNames = dnsNames;
        return this;
    }

    public List<String> getDnsZones() {
        return dnsZones;
    }

    public void setDnsZones(List<String> dnsZones) {
        this.dnsZones = dnsZones;
    }

    public CertificateDNSNameSelector withDnsZones(List<String> dnsZones) {
        this.dnsZones = dnsZones;
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
        if (!(other instanceof CertificateDNSNameSelector that)) {
            return false;
        }
        return Objects.equals(matchLabels, that.matchLabels) && Objects.equals(dnsNames, that.dnsNames) && Objects.equals(dnsZones, that.dnsZones) && additionalProperties.equals(that.additionalProperties);
    }

    @Override
    public int hashCode() {
        return Objects.hash(matchLabels, dnsNames, dnsZones, additionalProperties);
    }
}
