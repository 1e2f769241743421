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
 * Keystore formats to add to the issued Secret.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"jks", "pkcs12"})
public class CertificateKeystores {
    @JsonProperty("jks")
    private JKSKeystore jks;
    @JsonProperty("pkcs12")
    private PKCS12Keystore pkcs12;

    /**
     * Fields this model does not name, kept so that a manifest read and written back loses nothing.
     * Empty and shared until the first one is set.
     */
    private Map<String, Object> additionalProperties = Map.of();

    public JKSKeystore getJks() {
        return jks;
    }

    public void setJks(JKSKeystore jks) {
        this.jks = jks;
    }

    public CertificateKeystores withJks(JKSKeystore jks) {
        this.jks = jks;
        return this;
    }

    public PKCS12Keystore getPkcs12() {
        return pkcs12;
    }

    public void setPkcs12(PKCS12Keystore pkcs12) {
        this.pkcs12 = pkcs12;
    }

    public CertificateKeystores withPkcs12(PKCS12Keystore pkcs12) {
        this.pkcs12 = pkcs12;
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
        if (!(other instanceof CertificateKeystores that)) {
            return false;
        }
        return Objects.equals(jks, that.jks) && Objects.equals(pkcs12, that.pkcs12) && additionalProperties.equals(that.additionalProperties);
    }

    @Override
    public int hashCode() {
        return Objects.hash(jks, pkcs12, additionalProperties);
    }
}
