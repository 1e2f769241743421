package io.certwright.acme.dns01;

import io.certwright.acme.challenges.Solver;
import io.certwright.api.model.Challenge;
import io.certwright.api.model.ClusterIssuer;
import io.certwright.api.model.IssuerReference;
import io.certwright.core.cluster.Cluster;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;

/**
 * The DNS-01 solver. For a Challenge for {@code example.com} it writes the key as the TXT record
 * {@code _acme-challenge.example.com.} through the provider the solver configures, in the zone found
 * by SOA lookups. With {@code cnameStrategy: Follow} the record goes to the end of that name's CNAME
 * chain instead. The self-check waits until the value is visible (see {@link PropagationCheck}) and
 * then {@link Dns01Options#propagationWait} more.
 *
 * <p>Lookups use the solver's own {@code nameservers} when it sets them, which also turns the
 * authoritative check off, else {@link Dns01Options#recursiveNameservers}, else the system nameservers.
 * Provider credentials come from the cluster resource namespace for a ClusterIssuer, else from the
 * Challenge's namespace. Thread-safe; {@link #present} and {@link #cleanUp} are idempotent as
 * {@link DnsProvider} requires.
 */
public final class Dns01Solver implements Solver {
    static final String RECORD_PREFIX = "_acme-challenge.";

    private static final Logger log = LoggerFactory.getLogger(Dns01Solver.class);

    private final Cluster cluster;
    private final String clusterResourceNamespace;
    private final Dns01Options options;
    private final DnsProviders providers;
    private final ZoneFinder zones;
    private final CnameFollower cnames;
    private final PropagationCheck propagation;

    /**
     * @param clusterResourceNamespace where the credentials of ClusterIssuers' solvers are read from
     * @param client sends the lookups; {@link UdpTcpDnsClient} with {@link Dns01Options#queryTimeout} in production
     */
    public Dns01Solver(Cluster cluster, String clusterResourceNamespace, Dns01Options options, DnsProviders providers,
            DnsClient client, Clock clock) {
        this.cluster = Objects.requireNonNull(cluster, "cluster");
        this.clusterResourceNamespace = Objects.requireNonNull(clusterResourceNamespace, "clusterResourceNamespace");
        this.options = Objects.requireNonNull(options, "options");
        this.providers = Objects.requireNonNull(providers, "providers");
        this.zones = new ZoneFinder(client, clock);
        this.cnames = new CnameFollower(client);
        this.propagation = new PropagationCheck(client, zones, cnames, options.authoritativePort());
    }

    /** Creates the solver with the providers Certwright implements and a UDP/TCP client. */
    public static Dns01Solver create(Cluster cluster, String clusterResourceNamespace, Dns01Options options,
            Clock clock) {
        return new Dns01Solver(cluster, clusterResourceNamespace, options, DnsProviders.defaults(),
                new UdpTcpDnsClient(options.queryTimeout()), clock);
    }

    @Override
    public void present(Challenge challenge) throws Dns01Exception {
        Target target = target(challenge);
        target.provider().present(target.fqdn().toString(), target.zone().toString(), challenge.getSpec().getKey());
        log.atDebug().addKeyValue("challenge", challenge.getMetadata().getName()).addKeyValue("fqdn", target.fqdn())
                .addKeyValue("zone", target.zone()).log("presented DNS-01 TXT record");
    }

    @Override
    public void check(Challenge challenge) throws Dns01Exception, InterruptedException {
        Dns01Config config = Dns01Config.parse(challenge.getSpec().getSolver().getDns01());
        List<HostPort> nameservers = nameservers(config);
        boolean authoritative = config.nameservers().isEmpty() && !options.recursiveNameserversOnly();
        Name fqdn = recordName(challenge.getSpec().getDnsName());
        if (!propagation.isPropagated(fqdn, challenge.getSpec().getKey(), nameservers, authoritative)) {
            throw new Dns01Exception("DNS record for \"" + challenge.getSpec().getDnsName() + "\" not yet propagated");
        }
        if (!options.propagationWait().isZero()) {
            log.atDebug().addKeyValue("challenge", challenge.getMetadata().getName()).addKeyValue("fqdn", fqdn)
                    .addKeyValue("wait", options.propagationWait())
                    .log("DNS-01 record visible; waiting for caches before accepting the challenge");
            Thread.sleep(options.propagationWait().toMillis());
        }
    }

    @Override
    public void cleanUp(Challenge challenge) throws Dns01Exception {
        Target target = target(challenge);
        target.provider().cleanUp(target.fqdn().toString(), target.zone().toString(), challenge.getSpec().getKey());
        log.atDebug().addKeyValue("challenge", challenge.getMetadata().getName()).addKeyValue("fqdn", target.fqdn())
                .log("removed DNS-01 TXT record");
    }

    private record Target(DnsProvider provider, Name fqdn, Name zone) {
    }

    private Target target(Challenge challenge) throws Dns01Exception {
        if (challenge.getSpec().getSolver() == null) {
            throw new Dns01Exception("the Challenge has no solver; the Order controller copies it from the issuer");
        }
        Dns01Config config = Dns01Config.parse(challenge.getSpec().getSolver().getDns01());
        DnsProvider provider = providers.create(config, secrets(challenge));
        List<HostPort> nameservers = nameservers(config);
        Name fqdn = recordName(challenge.getSpec().getDnsName());
        if (config.followCname()) {
            fqdn = cnames.follow(fqdn, nameservers);
        }
        return new Target(provider, fqdn, zones.findZone(fqdn, nameservers));
    }

    private SecretReader secrets(Challenge challenge) {
        IssuerReference issuer = challenge.getSpec().getIssuerRef();
        boolean clusterIssuer = issuer != null && ClusterIssuer.KIND.equals(issuer.getKind());
        return new ClusterSecretReader(cluster, clusterIssuer ? clusterResourceNamespace
                : challenge.getMetadata().getNamespace());
    }

    private List<HostPort> nameservers(Dns01Config config) throws Dns01Exception {
        if (!config.nameservers().isEmpty()) {
            try {
                return Dns01Options.parseNameservers(config.nameservers());
            } catch (IllegalArgumentException e) {
                throw new Dns01Exception("dns01.nameservers: " + e.getMessage(), e);
            }
        }
        if (!options.recursiveNameservers().isEmpty()) {
            return options.recursiveNameservers();
        }
        return SystemNameservers.read(SystemNameservers.RESOLV_CONF);
    }

    /** Returns {@code _acme-challenge.<dnsName>.} for a Challenge's dnsName, which has no {@code *.} prefix. */
    static Name recordName(String dnsName) throws Dns01Exception {
        String domain = dnsName.endsWith(".") ? dnsName.substring(0, dnsName.length() - 1) : dnsName;
        try {
            return Name.fromString(RECORD_PREFIX + domain, Name.root);
        } catch (TextParseException e) {
            throw new Dns01Exception("invalid DNS name \"" + dnsName + "\": " + e.getMessage(), e);
        }
    }
}
