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
 * One ACME challenge solver configuration.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"selector", "http01", "dns01", "waitInsteadOfSelfCheck"})
public class ACMEChallengeSolver {
    // TODO: type the http01 and dns01 solver settings field by field; they round-trip as maps until the ACME issuer reads them.
    @JsonProperty("selector")
    private CertificateDNSNameSelector selector;
    /** HTTP-01 solver settings. */
    @JsonProperty("http01")
    private Map<String, Object> http01;
    /** DNS-01 provider settings. */
    @JsonProperty("dns01")
    private Map<String, Object> dns01;
    @JsonProperty("waitInsteadOfSelfCheck")
    private String waitInsteadOfSelfCheck;

    /**
     * Fields this model does not name, kept so that a manifest read and written back loses nothing.
     * Empty and shared until the first one is set.
     */
    private Map<String, Object> additionalProperties = Map.of();

    public CertificateDNSNameSelector getSelector() {
        return selector;
    }

    public void setSelector(CertificateDNSNameSelector selector) {
        this.selector = selector;
    }

    public ACMEChallengeSolver withSelector(CertificateDNSNameSelector selector) {
        this.selector = selector;
        return this;
    }

    public Map<String, Object> getHttp01() {
        return http01;
    }

    public void setHttp01(Map<String, Object> http01) {
        this.http01 = http01;
    }

    public ACMEChallengeSolver withHttp01(Map<String, Object> http01) {
        this.http01 = http01;
        return this;
    }

    public Map<String, Object> getDns01() {
        return dns01;
    }

    public void setDns01(Map<String, Object> dns01) {
        this.dns01 = dns01;
    }

    public ACMEChallengeSolver withDns01(Map<String, Object> dns01) {
        this.dns01 = dns01;
        return this;
    }

    public String getWaitInsteadOfSelfCheck() {
        return waitInsteadOfSelfCheck;
    }

    public void setWaitInsteadOfSelfCheck(String waitInsteadOfSelfCheck) {
        this.waitInsteadOfSelfCheck = waitInsteadOfSelfCheck;
    }

    public ACMEChallengeSolver withWaitInsteadOfSelfCheck(String waitInsteadOfSelfCheck) {
        this.waitInsteadOfSelfCheck = waitInsteadOfSelfCheck;
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
        if (!(other instanceof ACMEChallengeSolver that)) {
            return false;
        }
        return Objects.equals(selector, that.selector) && Objects.equals(http01, that.http01) && Objects.equals(dns01, that.dns01) && Objects.equals(waitInsteadOfSelfCheck, that.waitInsteadOfSelfCheck) && additionalProperties.equals(that.additionalProperties);
    }

    @Override
    public int hashCode() {
        return Objects.hash(selector, http01, dns01, waitInsteadOfSelfCheck, additionalProperties);
    }
}
