package io.certwright.api.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.LinkedHashMap;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;
import java.util.Map;
import java.util.Objects;

/**
 * Common shape of the cert-manager kinds: type metadata, object metadata, spec and status.
 *
 * <p>Instances are mutable and not thread-safe. Stores hand out copies (see
 * {@link io.certwright.api.Json#copy}), so a controller may change the object it reads and
 * write it back.
 *
 * @param <S> the spec type
 * @param <T> the status type
 */
// HasMetadata routes deserialization through fabric8's kind registry; these types bind directly.
@JsonDeserialize(using = ValueDeserializer.None.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"apiVersion", "kind", "metadata", "spec", "status"})
public abstract class CertManagerResource<S, T> implements HasMetadata {
    private String apiVersion;
    private String kind;
    private ObjectMeta metadata = new ObjectMeta();
    private S spec;
    private T status;
    /**
     * Fields this model does not name, kept so that a manifest read and written back loses nothing.
     * Empty and shared until the first one is set.
     */
    private Map<String, Object> additionalProperties = Map.of();

    protected CertManagerResource(String apiVersion, String kind) {
        this.apiVersion = apiVersion;
        this.kind = kind;
    }

    @Override
    public String getApiVersion() {
        return apiVersion;
    }

    @Override
    public void setApiVersion(String apiVersion) {
        this.apiVersion = apiVersion;
    }

    @Override
    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    @Override
    public ObjectMeta getMetadata() {
        return metadata;
    }

    @Override
    public void setMetadata(ObjectMeta metadata) {
        this.metadata = metadata;
    }

    public S getSpec() {
        return spec;
    }

    public void setSpec(S spec) {
        this.spec = spec;
    }

    public T getStatus() {
        return status;
    }

    public void setStatus(T status) {
        this.status = status;
    }

    /** Returns the name from the metadata, or null when there is no metadata. */
    @JsonIgnore
    public String name() {
        return metadata == null ? null : metadata.getName();
    }

    /** Returns the namespace from the metadata, or null for cluster-scoped objects. */
    @JsonIgnore
    public String namespace() {
        return metadata == null ? null : metadata.getNamespace();
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
        if (other == null || getClass() != other.getClass()) {
            return false;
        }
        CertManagerResource<?, ?> that = (CertManagerResource<?, ?>) other;
        return Objects.equals(apiVersion, that.apiVersion)
                && Objects.equals(kind, that.kind)
                && Objects.equals(metadata, that.metadata)
                && Objects.equals(spec, that.spec)
                && Objects.equals(status, that.status)
                && additionalProperties.equals(that.additionalProperties);
    }

    @Override
    public int hashCode() {
        return Objects.hash(apiVersion, kind, metadata, spec, status, additionalProperties);
    }
}
