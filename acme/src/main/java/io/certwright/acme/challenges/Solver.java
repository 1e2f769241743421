package io.certwright.acme.challenges;

import io.certwright.api.model.Challenge;

/**
 * Puts a challenge response in place, checks that it can be reached, and removes it again.
 * Implementations are thread-safe; {@link #present} and {@link #cleanUp} are idempotent.
 */
public interface Solver {

    /** Makes the challenge response reachable. Throws when that failed; the message is shown on the Challenge. */
    void present(Challenge challenge) throws Exception;

    /**
     * Checks, as the ACME server will, that the response is reachable.
     *
     * @throws Exception with a message saying what was wrong when it is not (yet) reachable
     */
    void check(Challenge challenge) throws Exception;

    /** Removes the challenge response. */
    void cleanUp(Challenge challenge) throws Exception;
}
