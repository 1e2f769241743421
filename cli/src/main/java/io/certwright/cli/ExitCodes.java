package io.certwright.cli;

/** Exit codes of every command. */
final class ExitCodes {
    static final int OK = 0;
    /** A Certificate is not Ready, the manifests have problems, or the command failed. */
    static final int FAILED = 1;
    /** Wrong flags or arguments. */
    static final int USAGE = 2;

    private ExitCodes() {
    }
}
