package io.certwright.api.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Desired state of an Order: the CSR and the identifiers to request from the ACME server. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"request", "issuerRef", "commonName", "dnsNames", "ipAddresses", "duration", "profile", "replaces"})
public class OrderSpec {
    @JsonProperty("request")
    private byte[] request;
    @JsonProperty("issuerRef")
    private IssuerReference issuerRef;
    @JsonProperty("commonName")
    private String commonName;
    @JsonProperty("dnsNames")
    private List<String> dnsNames;
    @JsonProperty("ipAddresses")
    private List<String> ipAddresses;
    @JsonProperty("duration")
    private String duration;
    @JsonProperty("profile")
    private String profile;
    @JsonProperty("replaces")
    private String replaces;

    /**
     * Fields this model does not name, kept so that a manifest read and written back loses nothing.
     * Empty and shared until the first one is set.
     */
    private Map<String, Object> additionalProperties = Map.of();

    public byte[] getRequest() {
        return request;
    }

    public void setRequest(byte[] request) {
        this.request = request;
    }

    public OrderSpec withRequest(byte[] request) {
        this.request = request;
        return this;
    }

    public IssuerReference getIssuerRef() {
        return issuerRef;
    }

    public void setIssuerRef(IssuerReference issuerRef) {
        this.issuerRef = issuerRef;
    }

    public OrderSpec withIssuerRef(IssuerReference issuerRef) {
        this.issuerRef = issuerRef;
        return this;
    }

    public String getCommonName() {
        return commonName;
    }

    public void setCommonName(String commonName) {
        this.commonName = commonName;
    }

    public OrderSpec withCommonName(String commonName) {
        this.commonName = commonName;
        return this;
    }

    public List<String> getDnsNames() {
        return dnsNames;
    }

    public void setDnsNames(List<String> dnsNames) {
        this.dnsNames = dnsNames;
    }

    public OrderSpec withDnsNames(List<String> dnsNames) {
        this.dnsNames = dnsNames;
        return this;
    }

    public List<String> getIpAddresses() {
        return ipAddresses;
    }

    public void setIpAddresses(List<String> ipAddresses) {
        this.ipAddresses = ipAddresses;
    }

    public OrderSpec withIpAddresses(List<String> ipAddresses) {
        this.ipAddresses = ipAddresses;
        return this;
    }

    public String getDuration() {
        return duration;
    }

    public void setDuration(String duration) {
        this.duration = duration;
    }

    public OrderSpec withDuration(String duration) {
        this.duration = duration;
        return this;
    }

    public String getProfile() {
        return profile;
    }

    public void setProfile(String profile) {
        this.profile = profile;
    }

    public OrderSpec withProfile(String profile) {
        this.profile = profile;
        return this;
    }

    public String getReplaces() {
        return replaces;
    }

    public void setReplaces(String replaces) {
        this.replaces = replaces;
    }

    public OrderSpec withReplaces(String replaces) {
        this.replaces = replaces;
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
        if (!(other instanceof OrderSpec that)) {
            return false;
        }
        return Arrays.equals(request, that.request) && Objects.equals(issuerRef, that.issuerRef) && Objects.equals(commonName, that.commonName) && Objects.equals(dnsNames, that.dnsNames) && Objects.equals(ipAddresses, that.ipAddresses) && Objects.equals(duration, that.duration) && Objects.equals(profile, that.profile) && Objects.equals(replaces, that.replaces)
                && additionalProperties.equals(that.additionalProperties);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(request), issuerRef, commonName, dnsNames, ipAddresses, duration, profile, replaces, additionalProperties);
    }
}
