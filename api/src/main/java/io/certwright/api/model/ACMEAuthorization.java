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

/** One authorization of an Order, as the ACME server described it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"url", "identifier", "wildcard", "initialState", "challenges"})
public class ACMEAuthorization {
    @JsonProperty("url")
    private String url;
    @JsonProperty("identifier")
    private String identifier;
    @JsonProperty("wildcard")
    private Boolean wildcard;
    @JsonProperty("initialState")
    private String initialState;
    @JsonProperty("challenges")
    private List<ACMEChallenge> challenges;

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

    public ACMEAuthorization withUrl(String url) {
        this.url = url;
        return this;
    }

    public String getIdentifier() {
        return identifier;
    }

    public void setIdentifier(String identifier) {
        this.identifier = identifier;
    }

    public ACMEAuthorization withIdentifier(String identifier) {
        this.identifier = identifier;
        return this;
    }

    public Boolean getWildcard() {
        return wildcard;
    }

    public void setWildcard(Boolean wildcard) {
        this.wildcard = wildcard;
    }

    public ACMEAuthorization withWildcard(Boolean wildcard) {
        this.wildcard = wildcard;
        return this;
    }

    public String getInitialState() {
        return initialState;
    }

    public void setInitialState(String initialState) {
        this.initialState = initialState;
    }

    public ACMEAuthorization withInitialState(String initialState) {
        this.initialState = initialState;
        return this;
    }

    public List<ACMEChallenge> getChallenges() {
        return challenges;
    }

    public void setChallenges(List<ACMEChallenge> challenges) {
        this.challenges = challenges;
    }

    public ACMEAuthorization withChallenges(List<ACMEChallenge> challenges) {
        this.challenges = challenges;
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
        if (!(other instanceof ACMEAuthorization that)) {
            return false;
        }
        return Objects.equals(url, that.url) && Objects.equals(identifier, that.identifier) && Objects.equals(wildcard, that.wildcard) && Objects.equals(initialState, that.initialState) && Objects.equals(challenges, that.challenges)
                && additionalProperties.equals(that.additionalProperties);
    }

    @Override
    public int hashCode() {
        return Objects.hash(url, identifier, wildcard, initialState, challenges, additionalProperties);
    }
}
