package io.certwright.acme.dns01;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.TSIGRecord;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Update;

/**
 * The {@code rfc2136} DNS-01 provider: adds and removes the TXT record with RFC 2136 dynamic updates
 * sent to one nameserver, signed with TSIG when a key is configured. Works with BIND, Knot, PowerDNS
 * and other servers that accept signed updates.
 *
 * <p>The TSIG fudge (allowed clock difference to the server) is 300 s, as cert-manager sends it: it is
 * dnsjava's fixed {@link TSIG#FUDGE}.
 */
public final class Rfc2136Provider implements DnsProvider {
    /** TTL of the challenge record, as cert-manager's RFC 2136 provider writes it. */
    public static final long RECORD_TTL_SECONDS = 60;

    /** How long to wait for the nameserver's reply to one update. */
    static final Duration UPDATE_TIMEOUT = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(Rfc2136Provider.class);

    private final Rfc2136Settings settings;

    public Rfc2136Provider(Rfc2136Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** Creates the provider from the solver's {@code rfc2136} block; the {@link DnsProviders.Factory} of rfc2136. */
    public static Rfc2136Provider fromConfig(Map<String, Object> config, SecretReader secrets) throws Dns01Exception {
        return new Rfc2136Provider(Rfc2136Settings.parse(config, secrets));
    }

    @Override
    public void present(String fqdn, String zone, String value) throws Dns01Exception {
        Update update = new Update(name(zone));
        update.add(record(fqdn, value));
        send(update, "adding", fqdn);
    }

    @Override
    public void cleanUp(String fqdn, String zone, String value) throws Dns01Exception {
        Update update = new Update(name(zone));
        // Deletes this one value and keeps other values of the name, such as the wildcard's.
        update.delete(record(fqdn, value));
        send(update, "removing", fqdn);
    }

    /** Returns the exception's message, or its type when it has none, as for a timeout without a response. */
    private static String describe(IOException failure) {
        if (failure instanceof java.net.SocketTimeoutException) {
            return "no answer within " + UPDATE_TIMEOUT.toSeconds() + " s";
        }
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
    }

    private void send(Update update, String action, String fqdn) throws Dns01Exception {
        SimpleResolver resolver = new SimpleResolver(settings.nameserver().toSocketAddress());
        resolver.setTCP(settings.tcp());
        resolver.setTimeout(UPDATE_TIMEOUT);
        if (settings.tsig() != null) {
            resolver.setTSIGKey(settings.tsig());
        }
        Message response;
        try {
            response = resolver.send(update);
        } catch (IOException e) {
            throw new Dns01Exception("DNS update " + action + " the TXT record " + fqdn + " at " + settings.nameserver()
                    + " failed: " + describe(e) + "; check that rfc2136.nameserver names a DNS server that accepts"
                    + " updates on that address and port", e);
        }
        int rcode = response.getRcode();
        if (rcode != Rcode.NOERROR) {
            throw new Dns01Exception("DNS update " + action + " the TXT record " + fqdn + " at " + settings.nameserver()
                    + " failed: the server replied " + Rcode.string(rcode) + tsigError(response) + hint(rcode));
        }
        log.atDebug().addKeyValue("fqdn", fqdn).addKeyValue("nameserver", settings.nameserver())
                .log("DNS update {} the TXT record succeeded", action);
    }

    private static String tsigError(Message response) {
        TSIGRecord tsig = response.getTSIG();
        if (tsig == null || tsig.getError() == Rcode.NOERROR) {
            return "";
        }
        return " (TSIG error " + Rcode.TSIGstring(tsig.getError()) + ")";
    }

    private String hint(int rcode) {
        if (rcode == Rcode.NOTAUTH && settings.tsig() != null) {
            return "; check tsigKeyName, tsigAlgorithm and the TSIG secret against the server's key";
        }
        if (rcode == Rcode.REFUSED || rcode == Rcode.NOTAUTH) {
            return "; check that the zone allows updates signed with the configured TSIG key";
        }
        return "";
    }

    private static TXTRecord record(String fqdn, String value) throws Dns01Exception {
        return new TXTRecord(name(fqdn), DClass.IN, RECORD_TTL_SECONDS, value);
    }

    private static Name name(String absolute) throws Dns01Exception {
        try {
            return Name.fromString(absolute, Name.root);
        } catch (TextParseException e) {
            throw new Dns01Exception("invalid DNS name \"" + absolute + "\": " + e.getMessage(), e);
        }
    }
}
