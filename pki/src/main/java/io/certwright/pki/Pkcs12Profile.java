package io.certwright.pki;

/**
 * Encryption and MAC algorithms for a PKCS#12 file, named as in {@code spec.keystores.pkcs12.profile}.
 *
 * <ul>
 *   <li>{@link #LEGACY_RC2}: certificates pbeWithSHAAnd40BitRC2-CBC, key pbeWithSHAAnd3-KeyTripleDES-CBC,
 *       HMAC-SHA-1 MAC. OpenSSL 3 reads it only with {@code -legacy}.
 *   <li>{@link #LEGACY_DES}: certificates and key pbeWithSHAAnd3-KeyTripleDES-CBC, HMAC-SHA-1 MAC.
 *   <li>{@link #MODERN_2023}: certificates and key PBES2 (PBKDF2-HMAC-SHA-256, AES-256-CBC), HMAC-SHA-256 MAC.
 *   <li>{@link #MODERN_2026}: as {@link #MODERN_2023}, with a PBMAC1 MAC (PBKDF2-HMAC-SHA-256, HMAC-SHA-256).
 * </ul>
 */
public enum Pkcs12Profile {
    LEGACY_RC2("LegacyRC2"),
    LEGACY_DES("LegacyDES"),
    MODERN_2023("Modern2023"),
    MODERN_2026("Modern2026");

    private final String specName;

    Pkcs12Profile(String specName) {
        this.specName = specName;
    }

    /** The name used in the Certificate spec, for example {@code Modern2023}. */
    public String specName() {
        return specName;
    }

    /** Returns the profile with this spec name; null, empty or unknown names select {@link #LEGACY_RC2}. */
    public static Pkcs12Profile fromSpec(String name) {
        for (Pkcs12Profile profile : values()) {
            if (profile.specName.equals(name)) {
                return profile;
            }
        }
        return LEGACY_RC2;
    }
}
