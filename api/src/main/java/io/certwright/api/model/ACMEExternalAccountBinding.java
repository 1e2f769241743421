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
 * External Account Binding for ACME registration.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"keyID", "keySecretRef", "keyAlgorithm"})
public class ACMEExternalAccountBinding {
    @JsonProperty("keyID")
    private String keyID;
    @JsonProperty("keySecretRef")
    private SecretKeySelector keySecretRef;
    /** Deprecated and ignored. */
    @JsonProperty("keyAlgorithm")
    private String keyAlgorithm;

    /**
     * Fields this model does not name, kept so that a manifest read and written back loses nothing.
     * Empty and shared until the first one is set.
     */
    private Map<String, Object> additionalProperties = Map.of();

    public String getKeyID() {
        return keyID;
    }

    public void setKeyID(String keyID) {
        this.keyID = keyID;
    }

    public ACMEExternalAccountBinding withKeyID(String keyID) {
        this.keyID = keyID;
        return this;
    }

    public SecretKeySelector getKeySecretRef() {
        return keySecretRef;
    }

    public void setKeySecretRef(SecretKeySelector keySecretRef) {
        this.keySecretRef = keySecretRef;
    }

    public ACMEExternalAccountBinding withKeySecretRef(SecretKeySelector keySecretRef) {
        this.keySecretRef = keySecretRef;
        return this;
    }

    public String getKeyAlgorithm() {
        return keyAlgorithm;
    }

    public void setKeyAlgorithm(String keyAlgorithm) {
        this.keyAlgorithm = keyAlgorithm;
    }

    public ACMEExternalAccountBinding withKeyAlgorithm(String keyAlgorithm) {
        this.keyAlgorithm = keyAlgorithm;
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
        if (!(other instanceof ACMEExternalAccountBinding that)) {
            return false;
        }
        return Objects.equals(keyID, that.keyID) && Objects.equals(keySecretRef, that.keySecretRef) && Objects.equals(keyAlgorithm, that.keyAlgorithm) && additionalProperties.equals(that.additionalProperties);
    }

    @Override
    public int hashCode() {
        return Objects.hash(keyID, keySecretRef, keyAlgorithm, additionalProperties);
    }
}
