package io.certwright.cli;

import io.certwright.acme.http01.Http01Server;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code certwright acmesolver}: the HTTP server that serves the response to one ACME HTTP-01 challenge, with the flags of
 * cert-manager's acmesolver. The Kubernetes runtime starts it in a solver Pod with
 * {@code --listen-port=8089 --domain=<d> --token=<t> --key=<k>}.
 */
@Command(name = "acmesolver", mixinStandardHelpOptions = true,
        description = {
            "Serves one ACME HTTP-01 challenge response: GET /.well-known/acme-challenge/TOKEN with Host DOMAIN"
                    + " returns KEY; / and /healthz return 200; anything else returns 404.",
            "Runs until it receives SIGTERM or SIGINT."
        })
final class AcmeSolverCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(AcmeSolverCommand.class);

    @Option(names = "--listen-port", paramLabel = "PORT",
            description = "TCP port to listen on (default: ${DEFAULT-VALUE}).")
    int listenPort = 8089;

    @Option(names = "--listen-address", paramLabel = "HOST",
            description = "Address to listen on, e.g. 127.0.0.1; empty for every interface (default: every interface)."
                    + " cert-manager's acmesolver has no such flag.")
    String listenAddress = "";

    @Option(names = "--domain", required = true, paramLabel = "DOMAIN",
            description = "Domain of the challenge; requests for another Host get 404.")
    String domain;

    @Option(names = "--token", required = true, paramLabel = "TOKEN",
            description = "Token of the challenge, the last segment of the request path.")
    String token;

    @Option(names = "--key", required = true, paramLabel = "KEY",
            description = "Key authorization to return for the token.")
    String key;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Http01Server server = start();
        CountDownLatch stopped = new CountDownLatch(1);
        Thread shutdown = new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "certwright-acmesolver-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdown);
        try {
            stopped.await();
        } finally {
            server.close();
        }
        log.info("acmesolver stopped");
        return ExitCodes.OK;
    }

    /**
     * Checks the flags and starts the server with the one challenge.
     *
     * @throws CommandLine.ParameterException naming the flag when a value is invalid
     */
    Http01Server start() throws IOException {
        if (listenPort < 0 || listenPort > 65535) {
            throw new CommandLine.ParameterException(spec.commandLine(), "invalid --listen-port " + listenPort
                    + ": use a port from 0 to 65535");
        }
        if (domain.isBlank() || token.isBlank() || key.isBlank()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--domain, --token and --key must not be empty");
        }
        InetSocketAddress address = listenAddress.isEmpty() ? new InetSocketAddress(listenPort)
                : new InetSocketAddress(listenAddress, listenPort);
        Http01Server server = Http01Server.start(address);
        server.add(domain, token, key);
        log.atInfo().addKeyValue("domain", domain).addKeyValue("token", token).addKeyValue("address", server.address())
                .log("acmesolver serving the HTTP-01 challenge");
        return server;
    }
}
