package io.certwright.api.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Desired state of a Challenge: which ACME challenge to solve and with which solver. Immutable once created. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"url", "authorizationURL", "dnsName", "wildcard", "type", "token", "key", "solver", "issuerRef"})
public class ChallengeSpec {
    @JsonProperty("url")
    private String url;
    @JsonProperty("authorizationURL")
    private String authorizationURL;
    @JsonProperty("dnsName")
    private String dnsName;
    @JsonProperty("wildcard")
    private Boolean wildcard;
    @JsonProperty("type")
    private String type;
    @JsonProperty("token")
    private String token;
    @JsonProperty("key")
    private String key;
    @JsonProperty("solver")
    private ACMEChallengeSolver solver;
    @JsonProperty("issuerRef")
    private IssuerReference issuerRef;

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

    public ChallengeSpec withUrl(String url) {
        this.url = url;
        return this;
    }

    public String getAuthorizationURL() {
        return authorizationURL;
    }

    public void setAuthorizationURL(String authorizationURL) {
        this.authorizationURL = authorizationURL;
    }

    public ChallengeSpec withAuthorizationURL(String authorizationURL) {
        this.authorizationURL = authorizationURL;
        return this;
    }

    public String getDnsName() {
        return dnsName;
    }

    public void setDnsName(String dnsName) {
        this.dnsName = dnsName;
    }

    public ChallengeSpec withDnsName(String dnsName) {
        this.dnsName = dnsName;
        return this;
    }

    public Boolean getWildcard() {
        return wildcard;
    }

    public void setWildcard(Boolean wildcard) {
        this.wildcard = wildcard;
    }

    public ChallengeSpec withWildcard(Boolean wildcard) {
        this.wildcard = wildcard;
        return this;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public ChallengeSpec withType(String type) {
        this.type = type;
        return this;
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    public ChallengeSpec withToken(String token) {
        this.token = token;
        return this;
    }

    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key;
    }

    public ChallengeSpec withKey(String key) {
        this.key = key;
        return this;
    }

    public ACMEChallengeSolver getSolver() {
        return solver;
    }

    public void setSolver(ACMEChallengeSolver solver) {
        this.solver = solver;
    }

    public ChallengeSpec withSolver(ACMEChallengeSolver solver) {
        this.solver = solver;
        return this;
    }

    public IssuerReference getIssuerRef() {
        return issuerRef;
    }

    public void setIssuerRef(IssuerReference issuerRef) {
        this.issuerRef = issuerRef;
    }

    public ChallengeSpec withIssuerRef(IssuerReference issuerRef) {
        this.issuerRef = issuerRef;
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
        if (!(other instanceof ChallengeSpec that)) {
            return false;
        }
        return Objects.equals(url, that.url) && Objects.equals(authorizationURL, that.authorizationURL) && Objects.equals(dnsName, that.dnsName) && Objects.equals(wildcard, that.wildcard) && Objects.equals(type, that.type) && Objects.equals(token, that.token) && Objects.equals(key, that.key) && Objects.equals(solver, that.solver) && Objects.equals(issuerRef, that.issuerRef)
                && additionalProperties.equals(that.additionalProperties);
    }

    @Override
    public int hashCode() {
        return Objects.hash(url, authorizationURL, dnsName, wildcard, type, token, key, solver, issuerRef, additionalProperties);
    }
}
