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
 * A cron-defined window in which renewals may start.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"timezone", "windowDuration", "cron"})
public class CertificateRenewalWindow {
    /** IANA zone; UTC when empty. */
    @JsonProperty("timezone")
    private String timezone;
    /** Go duration. */
    @JsonProperty("windowDuration")
    private String windowDuration;
    /** Five-field cron expression or a descriptor such as {@code @daily}. */
    @JsonProperty("cron")
    private String cron;

    /**
     * Fields this model does not name, kept so that a manifest read and written back loses nothing.
     * Empty and shared until the first one is set.
     */
    private Map<String, Object> additionalProperties = Map.of();

    public String getTimezone() {
        return timezone;
    }

    public void setTimezone(String timezone) {
        this.timezone = timezone;
    }

    public CertificateRenewalWindow withTimezone(String timezone) {
        this.timezone = timezone;
        return this;
    }

    public String getWindowDuration() {
        return windowDuration;
    }

    public void setWindowDuration(String windowDuration) {
        this.windowDuration = windowDuration;
    }

    public CertificateRenewalWindow withWindowDuration(String windowDuration) {
        this.windowDuration = windowDuration;
        return this;
    }

    public String getCron() {
        return cron;
    }

    public void setCron(String cron) {
        this.cron = cron;
    }

    public CertificateRenewalWindow withCron(String cron) {
        this.cron = cron;
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
        if (!(other instanceof CertificateRenewalWindow that)) {
            return false;
        }
        return Objects.equals(timezone, that.timezone) && Objects.equals(windowDuration, that.windowDuration) && Objects.equals(cron, that.cron) && additionalProperties.equals(that.additionalProperties);
    }

    @Override
    public int hashCode() {
        return Objects.hash(timezone, windowDuration, cron, additionalProperties);
    }
}
