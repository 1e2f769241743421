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
 * Private key settings of a Certificate.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"rotationPolicy", "encoding", "algorithm", "size"})
public class CertificatePrivateKey {
    /** {@code Always} (runtime default) or {@code Never}. */
    @JsonProperty("rotationPolicy")
    private String rotationPolicy;
    /** {@code PKCS1} (default) or {@code PKCS8}. */
    @JsonProperty("encoding")
    private String encoding;
    /** {@code RSA} (default), {@code ECDSA} or {@code Ed25519}. */
    @JsonProperty("algorithm")
    private String algorithm;
    @JsonProperty("size")
    private Integer size;

    /**
     * Fields this model does not name, kept so that a manifest read and written back loses nothing.
     * Empty and shared until the first one is set.
     */
    private Map<String, Object> additionalProperties = Map.of();

    public String getRotationPolicy() {
        return rotationPolicy;
    }

    public void setRotationPolicy(String rotationPolicy) {
        this.rotationPolicy = rotationPolicy;
    }

    public CertificatePrivateKey withRotationPolicy(String rotationPolicy) {
        this.rotationPolicy = rotationPolicy;
        return this;
    }

    public String getEncoding() {
        return encoding;
    }

    public void setEncoding(String encoding) {
        this.encoding = encoding;
    }

    public CertificatePrivateKey withEncoding(String encoding) {
        this.encoding = encoding;
        return this;
    }

    public String getAlgorithm() {
        return algorithm;
    }

    public void setAlgorithm(String algorithm) {
        this.algorithm = algorithm;
    }

    public CertificatePrivateKey withAlgorithm(String algorithm) {
        this.algorithm = algorithm;
        return this;
    }

    public Integer getSize() {
        return size;
    }

    public void setSize(Integer size) {
        this.size = size;
    }

    public CertificatePrivateKey withSize(Integer size) {
        this.size = size;
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
        if (!(other instanceof CertificatePrivateKey that)) {
            return false;
        }
        return Objects.equals(rotationPolicy, that.rotationPolicy) && Objects.equals(encoding, that.encoding) && Objects.equals(algorithm, that.algorithm) && Objects.equals(size, that.size) && additionalProperties.equals(that.additionalProperties);
    }

    @Override
    public int hashCode() {
        return Objects.hash(rotationPolicy, encoding, algorithm, size, additionalProperties);
    }
}
