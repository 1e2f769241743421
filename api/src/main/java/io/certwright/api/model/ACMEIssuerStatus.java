package io.certwright.api.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * ACME account state of an issuer.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"uri", "lastRegisteredEmail", "lastPrivateKeyHash"})
public class ACMEIssuerStatus {
    @JsonProperty("uri")
    private String uri;
    @JsonProperty("lastRegisteredEmail")
    private String lastRegisteredEmail;
    @JsonProperty("lastPrivateKeyHash")
    private String lastPrivateKeyHash;

    /**
     * Fields this model does not name, kept so that a manifest read and written back loses nothing.
     * Empty and shared until the first one is set.
     */
    private Map<String, Object> additionalProperties = Map.of();

    public String getUri() {
        return uri;
    }

    public void setUri(String uri) {
        this.uri = uri;
    }

    public ACMEIssuerStatus withUri(String uri) {
        this.uri = uri;
        return this;
    }

    public String getLastRegisteredEmail() {
        return lastRegisteredEmail;
    }

    public void setLastRegisteredEmail(String lastRegisteredEmail) {
        this.lastRegisteredEmail = lastRegisteredEmail;
    }

    public ACMEIssuerStatus withLastRegisteredEmail(String lastRegisteredEmail) {
        this.lastRegisteredEmail = lastRegisteredEmail;
        return this;
    }

    public String getLastPrivateKeyHash() {
        return lastPrivateKeyHash;
    }

    public void setLastPrivateKeyHash(String lastPrivateKeyHash) {
        this.lastPrivateKeyHash = lastPrivateKeyHash;
    }

    public ACMEIssuerStatus withLastPrivateKeyHash(String lastPrivateKeyHash) {
        this.lastPrivateKeyHash = lastPrivateKeyHash;
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
        if (!(other instanceof ACMEIssuerStatus that)) {
            return false;
        }
        return Objects.equals(uri, that.uri) && Objects.equals(lastRegisteredEmail, that.lastRegisteredEmail) && Objects.equals(lastPrivateKeyHash, that.lastPrivateKeyHash) && additionalProperties.equals(that.additionalProperties);
    }

    @Override
    public int hashCode() {
        return Objects.hash(uri, lastRegisteredEmail, lastPrivateKeyHash, additionalProperties);
    }
}
