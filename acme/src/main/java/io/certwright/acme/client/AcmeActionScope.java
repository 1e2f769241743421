package io.certwright.acme.client;

/**
 * The ACME operation that the current thread performs, read by {@link MeteredHttpClient} for the
 * {@code action} label. acme4j 4.0 sends every request with the blocking {@code HttpClient.send} on
 * the caller's thread, so a thread-local value set around a client call reaches each of its requests.
 */
final class AcmeActionScope {
    private final ThreadLocal<AcmeAction> current = new ThreadLocal<>();

    /** Marks the calling thread as performing {@code action} until the returned scope is closed. */
    Entered enter(AcmeAction action) {
        AcmeAction previous = current.get();
        current.set(action);
        return () -> {
            if (previous == null) {
                current.remove();
            } else {
                current.set(previous);
            }
        };
    }

    /** Returns the calling thread's operation, or {@link AcmeAction#UNNAMED} outside every scope. */
    AcmeAction current() {
        AcmeAction action = current.get();
        return action == null ? AcmeAction.UNNAMED : action;
    }

    /** A scope that restores the previous operation when closed. */
    interface Entered extends AutoCloseable {
        @Override
        void close();
    }
}
