package io.certwright.webhook;

/** A Kubernetes API resource, such as {@code cert-manager.io/v1 certificaterequests}. */
public record GroupVersionResource(String group, String version, String resource) {

    public GroupVersionResource {
        group = group == null ? "" : group;
        version = version == null ? "" : version;
        resource = resource == null ? "" : resource;
    }

    /** Returns whether this is {@code resource} in {@code group}, in any version. */
    public boolean is(String expectedGroup, String expectedResource) {
        return group.equals(expectedGroup) && resource.equals(expectedResource);
    }

    @Override
    public String toString() {
        return (group.isEmpty() ? "" : group + "/") + version + ", Resource=" + resource;
    }
}
