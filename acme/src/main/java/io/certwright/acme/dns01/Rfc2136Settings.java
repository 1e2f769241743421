package io.certwright.acme.dns01;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.xbill.DNS.Name;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.TextParseException;

/**
 * The {@code dns01.rfc2136} settings, with the TSIG secret read from its Secret.
 *
 * @param nameserver where updates go; port 53 unless the field names another
 * @param tsigAlgorithm the TSIG algorithm name, such as {@code hmac-md5.sig-alg.reg.int.}
 * @param tsigKeyName the absolute key name, or null when updates go unsigned
 * @param tsig the key that signs updates, or null to send them unsigned (no tsigKeyName or no secret)
 * @param tcp send updates over TCP ({@code protocol: TCP}) instead of UDP
 */
public record Rfc2136Settings(HostPort nameserver, Name tsigAlgorithm, Name tsigKeyName, TSIG tsig, boolean tcp) {
    static final String FIELD = "dns01.rfc2136";

    /** The default when tsigAlgorithm is empty, as in cert-manager. */
    public static final String DEFAULT_ALGORITHM = "HMACMD5";

    /** cert-manager's tsigAlgorithm values, matched case-insensitively, and the TSIG algorithm names they stand for. */
    static final Map<String, Name> ALGORITHMS = algorithms();

    public Rfc2136Settings {
        Objects.requireNonNull(nameserver, "nameserver");
    }

    /** Describes the settings without the key material. */
    @Override
    public String toString() {
        return "Rfc2136Settings[nameserver=" + nameserver + ", tsigAlgorithm=" + tsigAlgorithm + ", tsigKeyName="
                + tsigKeyName + ", tcp=" + tcp + "]";
    }

    /**
     * Reads the settings, and the TSIG secret when both tsigKeyName and tsigSecretSecretRef.name are set.
     *
     * @throws Dns01Exception naming the field and the fix when a value is missing or invalid
     */
    public static Rfc2136Settings parse(Map<String, Object> settings, SecretReader secrets) throws Dns01Exception {
        HostPort nameserver;
        try {
            nameserver = HostPort.parse(Dns01Config.string(settings, "nameserver"), 53);
        } catch (IllegalArgumentException e) {
            throw new Dns01Exception(FIELD + ".nameserver: " + e.getMessage());
        }
        Name algorithm = algorithm(Dns01Config.string(settings, "tsigAlgorithm"));
        boolean tcp = protocolIsTcp(Dns01Config.string(settings, "protocol"));

        String keyName = Dns01Config.string(settings, "tsigKeyName").strip();
        Map<String, Object> secretRef = Dns01Config.castMap(settings == null ? null : settings.get("tsigSecretSecretRef"));
        String secretName = Dns01Config.string(secretRef, "name");
        if (keyName.isEmpty() || secretName.isEmpty()) {
            return new Rfc2136Settings(nameserver, algorithm, null, null, tcp);
        }
        String secretKey = Dns01Config.string(secretRef, "key");
        String field = FIELD + ".tsigSecretSecretRef";
        String secret = new String(secrets.read(secretName, secretKey, field), StandardCharsets.UTF_8).strip();
        Name name = keyName(keyName);
        return new Rfc2136Settings(nameserver, algorithm, name, tsig(algorithm, name, secret, secretName, secretKey), tcp);
    }

    /** Maps a tsigAlgorithm value onto its TSIG algorithm name; empty means {@link #DEFAULT_ALGORITHM}. */
    static Name algorithm(String value) throws Dns01Exception {
        String upper = value.strip().isEmpty() ? DEFAULT_ALGORITHM : value.strip().toUpperCase(Locale.ROOT);
        Name name = ALGORITHMS.get(upper);
        if (name == null) {
            throw new Dns01Exception(FIELD + ".tsigAlgorithm: algorithm '" + value + "' is not supported; use one of "
                    + String.join(", ", ALGORITHMS.keySet()));
        }
        return name;
    }

    private static boolean protocolIsTcp(String protocol) throws Dns01Exception {
        return switch (protocol.strip().toUpperCase(Locale.ROOT)) {
            case "", "UDP" -> false;
            case "TCP" -> true;
            default -> throw new Dns01Exception(FIELD + ".protocol: invalid value \"" + protocol + "\": use UDP or TCP");
        };
    }

    private static Name keyName(String keyName) throws Dns01Exception {
        try {
            return Name.fromString(keyName, Name.root);
        } catch (TextParseException e) {
            throw new Dns01Exception(FIELD + ".tsigKeyName: invalid key name \"" + keyName + "\": " + e.getMessage(), e);
        }
    }

    private static TSIG tsig(Name algorithm, Name name, String secret, String secretName, String secretKey)
            throws Dns01Exception {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(secret);
        } catch (IllegalArgumentException e) {
            // The message names where the secret is, never its value.
            throw new Dns01Exception("the TSIG secret in key \"" + secretKey + "\" of Secret \"" + secretName
                    + "\" is not valid base64; store the secret as BIND's key file shows it", e);
        }
        if (key.length == 0) {
            throw new Dns01Exception("the TSIG secret in key \"" + secretKey + "\" of Secret \"" + secretName
                    + "\" is empty");
        }
        return new TSIG(algorithm, name, key);
    }

    private static Map<String, Name> algorithms() {
        Map<String, Name> algorithms = new LinkedHashMap<>();
        algorithms.put("HMACMD5", TSIG.HMAC_MD5);
        algorithms.put("HMACSHA1", TSIG.HMAC_SHA1);
        algorithms.put("HMACSHA256", TSIG.HMAC_SHA256);
        algorithms.put("HMACSHA512", TSIG.HMAC_SHA512);
        return Collections.unmodifiableMap(algorithms);
    }
}
