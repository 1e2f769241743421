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
 * A SAN otherName entry, encoded as a UTF8String.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"oid", "utf8Value"})
public class OtherName {
    /** Dotted-decimal object identifier. */
    @JsonProperty("oid")
    private String oid;
    @JsonProperty("utf8Value")
    private String utf8Value;

    /**
     * Fields this model does not name, kept so that a manifest read and written back loses nothing.
     * Empty and shared until the first one is set.
     */
    private Map<String, Object> additionalProperties = Map.of();

    public String getOid() {
        return oid;
    }

    public void setOid(String oid) {
        this.oid = oid;
    }

    public OtherName withOid(String oid) {
        this.oid = oid;
        return this;
    }

    public String getUtf8Value() {
        return utf8Value;
    }

    public void setUtf8Value(String utf8Value) {
        this.utf8Value = utf8Value;
    }

    public OtherName withUtf8Value(String utf8Value) {
        this.utf8Value = utf8Value;
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
        if (!(other instanceof OtherName that)) {
            return false;
        }
        return Objects.equals(oid, that.oid) && Objects.equals(utf8Value, that.utf8Value) && additionalProperties.equals(that.additionalProperties);
    }

    @Override
    public int hashCode() {
        return Objects.hash(oid, utf8Value, additionalProperties);
    }
}
