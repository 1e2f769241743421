package io.certwright.acme.dns01;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code dns01} block of an ACME solver as the DNS-01 solver reads it. The api model keeps the block
 * as a JSON map, so this class reads it by its JSON keys.
 *
 * @param followCname {@code cnameStrategy: Follow}
 * @param nameservers the solver's own {@code nameservers}, as written; empty when not set
 * @param providerName the provider key, such as {@code rfc2136}
 * @param provider that provider's settings
 */
public record Dns01Config(boolean followCname, List<String> nameservers, String providerName,
        Map<String, Object> provider) {

    /** The provider keys of cert-manager's {@code dns01} block. */
    public static final List<String> PROVIDER_KEYS = List.of("akamai", "cloudDNS", "cloudflare", "route53", "azureDNS",
            "digitalocean", "acmeDNS", "rfc2136", "webhook");

    /**
     * Reads a {@code dns01} block.
     *
     * @throws Dns01Exception naming the field when the block is missing, names no provider or more than one,
     *     or has an unknown cnameStrategy
     */
    public static Dns01Config parse(Map<String, Object> dns01) throws Dns01Exception {
        if (dns01 == null) {
            throw new Dns01Exception("the solver has no dns01 settings");
        }
        Object strategy = dns01.get("cnameStrategy");
        boolean follow;
        if (strategy == null || "".equals(strategy) || "None".equals(strategy)) {
            follow = false;
        } else if ("Follow".equals(strategy)) {
            follow = true;
        } else {
            throw new Dns01Exception("dns01.cnameStrategy: invalid value \"" + strategy + "\": use None or Follow");
        }
        List<String> nameservers = new ArrayList<>();
        if (dns01.get("nameservers") instanceof List<?> list) {
            list.forEach(entry -> nameservers.add(String.valueOf(entry)));
        }
        String name = null;
        Map<String, Object> provider = null;
        for (String key : PROVIDER_KEYS) {
            if (dns01.get(key) instanceof Map<?, ?> settings) {
                if (name != null) {
                    throw new Dns01Exception("dns01: both " + name + " and " + key + " are set; configure exactly one"
                            + " DNS-01 provider per solver");
                }
                name = key;
                provider = castMap(settings);
            }
        }
        if (name == null) {
            throw new Dns01Exception("dns01: no DNS-01 provider configured; set one of " + String.join(", ", PROVIDER_KEYS));
        }
        return new Dns01Config(follow, List.copyOf(nameservers), name, provider);
    }

    /** Returns the string at {@code key} of {@code settings}, or "" when it is missing. */
    static String string(Map<String, Object> settings, String key) {
        Object value = settings == null ? null : settings.get(key);
        return value == null ? "" : value.toString();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> castMap(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
    }
}
