package io.certwright.kubernetes;

/**
 * What makes two events repeats of each other: the same reporting component, involved object, type,
 * reason and message. The uid distinguishes two objects that had the same name at different times.
 */
record EventKey(String source, String kind, String namespace, String name, String uid, String type,
        String reason, String message) {
}
