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
 * Permitted or excluded subtrees of a name constraints extension.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"dnsDomains", "ipRanges", "emailAddresses", "uriDomains"})
public class NameConstraintItem {
    @JsonProperty("dnsDomains")
    private List<String> dnsDomains;
    /** CIDR ranges. */
    @JsonProperty("ipRanges")
    private List<String> ipRanges;
    @JsonProperty("emailAddresses")
    private List<String> emailAddresses;
    @JsonProperty("uriDomains")
    private List<String> uriDomains;

    /**
     * Fields this model does not name, kept so that a manifest read and written back loses nothing.
     * Empty and shared until the first one is set.
     */
    private Map<String, Object> additionalProperties = Map.of();

    public List<String> getDnsDomains() {
        return dnsDomains;
    }

    public void setDnsDomains(List<String> dnsDomains) {
        this.dnsDomains = dnsDomains;
    }

    public NameConstraintItem withDnsDomains(List<String> dnsDomains) {
        this.dnsDomains = dnsDomains;
        return this;
    }

    public List<String> getIpRanges() {
        return ipRanges;
    }

    public void setIpRanges(List<String> ipRanges) {
        this.ipRanges = ipRanges;
    }

    public NameConstraintItem withIpRanges(List<String> ipRanges) {
        this.ipRanges = ipRanges;
        return this;
    }

    public List<String> getEmailAddresses() {
        return emailAddresses;
    }

    public void setEmailAddresses(List<String> emailAddresses) {
        this.emailAddresses = emailAddresses;
    }

    public NameConstraintItem withEmailAddresses(List<String> emailAddresses) {
        this.emailAddresses = emailAddresses;
        return this;
    }

    public List<String> getUriDomains() {
        return uriDomains;
    }

    public void setUriDomains(List<String> uriDomains) {
        this.uriDomains = uriDomains;
    }

    public NameConstraintItem withUriDomains(List<String> uriDomains) {
        this.uriDomains = uriDomains;
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
        if (!(other instanceof NameConstraintItem that)) {
            return false;
        }
        return Objects.equals(dnsDomains, that.dnsDomains) && Objects.equals(ipRanges, that.ipRanges) && Objects.equals(emailAddresses, that.emailAddresses) && Objects.equals(uriDomains, that.uriDomains) && additionalProperties.equals(that.additionalProperties);
    }

    @Override
    public int hashCode() {
        return Objects.hash(dnsDomains, ipRanges, emailAddresses, uriDomains, additionalProperties);
    }
}
