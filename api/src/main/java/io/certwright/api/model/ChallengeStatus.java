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

/** Observed state of a Challenge. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"processing", "presented", "presentedAt", "reason", "state"})
public class ChallengeStatus {
    @JsonProperty("processing")
    private Boolean processing;
    @JsonProperty("presented")
    private Boolean presented;
    @JsonProperty("presentedAt")
    private Instant presentedAt;
    @JsonProperty("reason")
    private String reason;
    @JsonProperty("state")
    private String state;

    /**
     * Fields this model does not name, kept so that a manifest read and written back loses nothing.
     * Empty and shared until the first one is set.
     */
    private Map<String, Object> additionalProperties = Map.of();

    public Boolean getProcessing() {
        return processing;
    }

    public void setProcessing(Boolean processing) {
        this.processing = processing;
    }

    public ChallengeStatus withProcessing(Boolean processing) {
        this.processing = processing;
        return this;
    }

    public Boolean getPresented() {
        return presented;
    }

    public void setPresented(Boolean presented) {
        this.presented = presented;
    }

    public ChallengeStatus withPresented(Boolean presented) {
        this.presented = presented;
        return this;
    }

    public Instant getPresentedAt() {
        return presentedAt;
    }

    public void setPresentedAt(Instant presentedAt) {
        this.presentedAt = presentedAt;
    }

    public ChallengeStatus withPresentedAt(Instant presentedAt) {
        this.presentedAt = presentedAt;
        return this;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public ChallengeStatus withReason(String reason) {
        this.reason = reason;
        return this;
    }

    public String getState() {
        return state;
    }

    public void setState(String state) {
        this.state = state;
    }

    public ChallengeStatus withState(String state) {
        this.state = state;
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
        if (!(other instanceof ChallengeStatus that)) {
            return false;
        }
        return Objects.equals(processing, that.processing) && Objects.equals(presented, that.presented) && Objects.equals(presentedAt, that.presentedAt) && Objects.equals(reason, that.reason) && Objects.equals(state, that.state)
                && additionalProperties.equals(that.additionalProperties);
    }

    @Override
    public int hashCode() {
        return Objects.hash(processing, presented, presentedAt, reason, state, additionalProperties);
    }
}
