package io.certwright.cli;

import picocli.CommandLine;

/** Prints the version from the jar manifest. */
final class VersionProvider implements CommandLine.IVersionProvider {
    /** Version shown when running from classes outside the jar, as in tests. */
    private static final String UNPACKAGED = "development build";

    @Override
    public String[] getVersion() {
        String version = Main.class.getPackage().getImplementationVersion();
        return new String[] {"certwright " + (version == null ? UNPACKAGED : version),
            "Java " + System.getProperty("java.version")};
    }
}
