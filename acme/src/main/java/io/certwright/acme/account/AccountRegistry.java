package io.certwright.acme.account;

import io.certwright.acme.client.AcmeClient;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ACME clients of the issuers set up in this process, keyed by the issuer's UID. The issuer
 * controllers fill it; the Order and Challenge controllers read it and fail with "client not found"
 * until the issuer has been set up. Thread-safe.
 */
public final class AccountRegistry {
    private final Map<String, AcmeClient> clients = new ConcurrentHashMap<>();

    public void put(String issuerUid, AcmeClient client) {
        clients.put(issuerUid, client);
    }

    public Optional<AcmeClient> get(String issuerUid) {
        return issuerUid == null ? Optional.empty() : Optional.ofNullable(clients.get(issuerUid));
    }

    public void remove(String issuerUid) {
        clients.remove(issuerUid);
    }
}
