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
 * Signs through Venafi.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"zone", "tpp", "cloud", "ngts"})
public class VenafiIssuer {
    @JsonProperty("zone")
    private String zone;
    @JsonProperty("tpp")
    private VenafiTPP tpp;
    @JsonProperty("cloud")
    private VenafiCloud cloud;
    @JsonProperty("ngts")
    private VenafiNGTS ngts;

    /**
     * Fields this model does not name, kept so that a manifest read and written back loses nothing.
     * Empty and shared until the first one is set.
     */
    private Map<String, Object> additionalProperties = Map.of();

    public String getZone() {
        return zone;
    }

    public void setZone(String zone) {
        this.zone = zone;
    }

    public VenafiIssuer withZone(String zone) {
        this.zone = zone;
        return this;
    }

    public VenafiTPP getTpp() {
        return tpp;
    }

    public void setTpp(VenafiTPP tpp) {
        this.tpp = tpp;
    }

    public VenafiIssuer withTpp(VenafiTPP tpp) {
        this.tpp = tpp;
        return this;
    }

    public VenafiCloud getCloud() {
        return cloud;
    }

    public void setCloud(VenafiCloud cloud) {
        this.cloud = cloud;
    }

    public VenafiIssuer withCloud(VenafiCloud cloud) {
        this.cloud = cloud;
        return this;
    }

    public VenafiNGTS getNgts() {
        return ngts;
    }

    public void setNgts(VenafiNGTS ngts) {
        this.ngts = ngts;
    }

    public VenafiIssuer withNgts(VenafiNGTS ngts) {
        this.ngts = ngts;
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
        if (!(other instanceof VenafiIssuer that)) {
            return false;
        }
        return Objects.equals(zone, that.zone) && Objects.equals(tpp, that.tpp) && Objects.equals(cloud, that.cloud) && Objects.equals(ngts, that.ngts) && additionalProperties.equals(that.additionalProperties);
    }

    @Override
    public int hashCode() {
        return Objects.hash(zone, tpp, cloud, ngts, additionalProperties);
    }
}
