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
 * Issuer configuration: exactly one issuer type.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"acme", "ca", "vault", "selfSigned", "venafi"})
public class IssuerSpec {
    @JsonProperty("acme")
    private ACMEIssuer acme;
    @JsonProperty("ca")
    private CAIssuer ca;
    @JsonProperty("vault")
    private VaultIssuer vault;
    @JsonProperty("selfSigned")
    private SelfSignedIssuer selfSigned;
    @JsonProperty("venafi")
    private VenafiIssuer venafi;

    /**
     * Fields this model does not name, kept so that a manifest read and written back loses nothing.
     * Empty and shared until the first one is set.
     */
    private Map<String, Object> additionalProperties = Map.of();

    public ACMEIssuer getAcme() {
        return acme;
    }

    public void setAcme(ACMEIssuer acme) {
        this.acme = acme;
    }

    public IssuerSpec withAcme(ACMEIssuer acme) {
        this.acme = acme;
        return this;
    }

    public CAIssuer getCa() {
        return ca;
    }

    public void setCa(CAIssuer ca) {
        this.ca = ca;
    }

    public IssuerSpec withCa(CAIssuer ca) {
        this.ca = ca;
        return this;
    }

    public VaultIssuer getVault() {
        return vault;
    }

    public void setVault(VaultIssuer vault) {
        this.vault = vault;
    }

    public IssuerSpec withVault(VaultIssuer vault) {
        this.vault = vault;
        return this;
    }

    public SelfSignedIssuer getSelfSigned() {
        return selfSigned;
    }

    public void setSelfSigned(SelfSignedIssuer selfSigned) {
        this.selfSigned = selfSigned;
    }

    public IssuerSpec withSelfSigned(SelfSignedIssuer selfSigned) {
        this.selfSigned = selfSigned;
        return this;
    }

    public VenafiIssuer getVenafi() {
        return venafi;
    }

    public void setVenafi(VenafiIssuer venafi) {
        this.venafi = venafi;
    }

    public IssuerSpec withVenafi(VenafiIssuer venafi) {
        this.venafi = venafi;
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
        if (!(other instanceof IssuerSpec that)) {
            return false;
        }
        return Objects.equals(acme, that.acme) && Objects.equals(ca, that.ca) && Objects.equals(vault, that.vault) && Objects.equals(selfSigned, that.selfSigned) && Objects.equals(venafi, that.venafi) && additionalProperties.equals(that.additionalProperties);
    }

    @Override
    public int hashCode() {
        return Objects.hash(acme, ca, vault, selfSigned, venafi, additionalProperties);
    }
}
