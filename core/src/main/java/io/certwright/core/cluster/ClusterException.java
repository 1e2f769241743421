package io.certwright.core.cluster;

/** Base of the errors the {@link Cluster} port raises; each subtype maps to one API status. */
public class ClusterException extends RuntimeException {
    public ClusterException(String message) {
        super(message);
    }

    public ClusterException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The object does not exist. */
    public static final class NotFound extends ClusterException {
        public NotFound(String message) {
            super(message);
        }
    }

    /** An object with that name already exists. */
    public static final class AlreadyExists extends ClusterException {
        public AlreadyExists(String message) {
            super(message);
        }
    }

    /**
     * The write carried a stale resourceVersion. Controllers re-read and retry; the retry is not
     * counted as a sync error.
     */
    public static final class Conflict extends ClusterException {
        public Conflict(String message) {
            super(message);
        }
    }

    /** The object failed the store's admission checks; the message lists every field error. */
    public static final class Invalid extends ClusterException {
        public Invalid(String message) {
            super(message);
        }
    }
}
