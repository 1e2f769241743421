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
 * A signing request; immutable after creation.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"duration", "issuerRef", "request", "isCA", "usages", "username", "uid", "groups", "extra"})
public class CertificateRequestSpec {
    @JsonProperty("duration")
    private String duration;
    @JsonProperty("issuerRef")
    private IssuerReference issuerRef;
    /** PEM CERTIFICATE REQUEST (base64 in JSON). */
    @JsonProperty("request")
    private byte[] request;
    @JsonProperty("isCA")
    private Boolean isCA;
    @JsonProperty("usages")
    private List<String> usages;
    @JsonProperty("username")
    private String username;
    @JsonProperty("uid")
    private String uid;
    @JsonProperty("groups")
    private List<String> groups;
    @JsonProperty("extra")
    private Map<String, List<String>> extra;

    /**
     * Fields this model does not name, kept so that a manifest read and written back loses nothing.
     * Empty and shared until the first one is set.
     */
    private Map<String, Object> additionalProperties = Map.of();

    public String getDuration() {
        return duration;
    }

    public void setDuration(String duration) {
        this.duration = duration;
    }

    public CertificateRequestSpec withDuration(String duration) {
        this.duration = duration;
        return this;
    }

    public IssuerReference getIssuerRef() {
        return issuerRef;
    }

    public void setIssuerRef(IssuerReference issuerRef) {
        this.issuerRef = issuerRef;
    }

    public CertificateRequestSpec withIssuerRef(IssuerReference issuerRef) {
        this.issuerRef = issuerRef;
        return this;
    }

    public byte[] getRequest() {
        return request;
    }

    public void setRequest(byte[] request) {
        this.request = request;
    }

    public CertificateRequestSpec withRequest(byte[] request) {
        this.request = request;
        return this;
    }

    public Boolean getIsCA() {
        return isCA;
    }

    public void setIsCA(Boolean isCA) {
        this.isCA = isCA;
    }

    public CertificateRequestSpec withIsCA(Boolean isCA) {
        this.isCA = isCA;
        return this;
    }

    public List<String> getUsages() {
        return usages;
    }

    public void setUsages(List<String> usages) {
        this.usages = usages;
    }

    public CertificateRequestSpec withUsages(List<String> usages) {
        this.usages = usages;
        return this;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public CertificateRequestSpec withUsername(String username) {
        this.username = username;
        return this;
    }

    public String getUid() {
        return uid;
    }

    public void setUid(String uid) {
        this.uid = uid;
    }

    public CertificateRequestSpec withUid(String uid) {
        this.uid = uid;
        return this;
    }

    public List<String> getGroups() {
        return groups;
    }

    public void setGroups(List<String> groups) {
        this.groups = groups;
    }

    public CertificateRequestSpec withGroups(List<String> groups) {
        this.groups = groups;
        return this;
    }

    public Map<String, List<String>> getExtra() {
        return extra;
    }

    public void setExtra(Map<String, List<String>> extra) {
        this.extra = extra;
    }

    public CertificateRequestSpec withExtra(Map<String, List<String>> extra) {
        this.extra = extra;
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
        if (!(other instanceof CertificateRequestSpec that)) {
            return false;
        }
        return Objects.equals(duration, that.duration) && Objects.equals(issuerRef, that.issuerRef) && java.util.Arrays.equals(request, that.request) && Objects.equals(isCA, that.isCA) && Objects.equals(usages, that.usages) && Objects.equals(username, that.username) && Objects.equals(uid, that.uid) && Objects.equals(groups, that.groups) && Objects.equals(extra, that.extra) && additionalProperties.equals(that.additionalProperties);
    }

    @Override
    public int hashCode() {
        return Objects.hash(duration, issuerRef, java.util.Arrays.hashCode(request), isCA, usages, username, uid, groups, extra, additionalProperties);
    }
}
