package io.certwright.api.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * ACME Renewal Information state of a Certificate.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"suggestedWindow", "explanationURL", "lastChecked", "nextCheck", "lastError"})
public class CertificateARIStatus {
    @JsonProperty("suggestedWindow")
    private ARISuggestedWindow suggestedWindow;
    @JsonProperty("explanationURL")
    private String explanationURL;
    @JsonProperty("lastChecked")
    private Instant lastChecked;
    @JsonProperty("nextCheck")
    private Instant nextCheck;
    @JsonProperty("lastError")
    private String lastError;

    /**
     * Fields this model does not name, kept so that a manifest read and written back loses nothing.
     * Empty and shared until the first one is set.
     */
    private Map<String, Object> additionalProperties = Map.of();

    public ARISuggestedWindow getSuggestedWindow() {
        return suggestedWindow;
    }

    public void setSuggestedWindow(ARISuggestedWindow suggestedWindow) {
        this.suggestedWindow = suggestedWindow;
    }

    public CertificateARIStatus withSuggestedWindow(ARISuggestedWindow suggestedWindow) {
        this.suggestedWindow = suggestedWindow;
        return this;
    }

    public String getExplanationURL() {
        return explanationURL;
    }

    public void setExplanationURL(String explanationURL) {
        this.explanationURL = explanationURL;
    }

    public CertificateARIStatus withExplanationURL(String explanationURL) {
        this.explanationURL = explanationURL;
        return this;
    }

    public Instant getLastChecked() {
        return lastChecked;
    }

    public void setLastChecked(Instant lastChecked) {
        this.lastChecked = lastChecked;
    }

    public CertificateARIStatus withLastChecked(Instant lastChecked) {
        this.lastChecked = lastChecked;
        return this;
    }

    public Instant getNextCheck() {
        return nextCheck;
    }

    public void setNextCheck(Instant nextCheck) {
        this.nextCheck = nextCheck;
    }

    public CertificateARIStatus withNextCheck(Instant nextCheck) {
        this.nextCheck = nextCheck;
        return this;
    }

    public String getLastError() {
        return lastError;
    }

    public void setLastError(String lastError) {
        this.lastError = lastError;
    }

    public CertificateARIStatus withLastError(String lastError) {
        this.lastError = lastError;
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
        if (!(other instanceof CertificateARIStatus that)) {
            return false;
        }
        return Objects.equals(suggestedWindow, that.suggestedWindow) && Objects.equals(explanationURL, that.explanationURL) && Objects.equals(lastChecked, that.lastChecked) && Objects.equals(nextCheck, that.nextCheck) && Objects.equals(lastError, that.lastError) && additionalProperties.equals(that.additionalProperties);
    }

    @Override
    public int hashCode() {
        return Objects.hash(suggestedWindow, explanationURL, lastChecked, nextCheck, lastError, additionalProperties);
    }
}
