package io.certwright.acme.dns01;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SystemNameserversTest {

    @Test
    void nameserverLinesOnPort53() {
        assertThat(SystemNameservers.parse("""
                # generated
                search example.com
                nameserver 10.0.0.2
                nameserver   fd00::53
                options ndots:5
                """)).containsExactly(new HostPort("10.0.0.2", 53), new HostPort("fd00::53", 53));
    }

    @Test
    void fileWithoutNameserversFallsBack(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("resolv.conf"), "search example.com\n");

        assertThat(SystemNameservers.read(file)).isEqualTo(SystemNameservers.FALLBACK);
        assertThat(SystemNameservers.read(dir.resolve("missing"))).isEqualTo(SystemNameservers.FALLBACK);
    }

    @Test
    void dohNameserverNamedAsNotSupportedYet() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Dns01Options.parseNameservers(
                        java.util.List.of("https://dns.example/dns-query")))
                .hasMessageContaining("DNS-over-HTTPS nameservers are not supported yet");
    }
}
