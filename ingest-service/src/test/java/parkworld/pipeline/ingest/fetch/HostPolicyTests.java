package parkworld.pipeline.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class HostPolicyTests {

    private final HostPolicy configured = new HostPolicy(Set.of("www.parkworld.net", "http://127.0.0.1:8080"));
    private final HostPolicy fromListing = new HostPolicy(List.of(), List.of(URI.create("http://site.test:8000/weekly/")));

    @ParameterizedTest
    @CsvSource({ "https://www.parkworld.net/a.pdf, true", "http://www.parkworld.net/a.pdf, true",
            "https://WWW.ParkWorld.net./a.pdf, true", "https://www.parkworld.net:443/a.pdf, true",
            "https://www.parkworld.net:8443/a.pdf, false", "http://www.parkworld.net:443/a.pdf, false",
            "ftp://www.parkworld.net/a.pdf, false", "https://cdn.parkworld.net/a.pdf, false",
            "http://127.0.0.1:8080/a.pdf, true", "http://127.0.0.1:8081/a.pdf, false", "https://127.0.0.1:8080/a.pdf, false",
            "http://127.0.0.1/a.pdf, false", "https://user@www.parkworld.net/a.pdf, false" })
    void allowsExactlyTheConfiguredOrigins(String url, boolean allowed) {
        assertThat(this.configured.allows(URI.create(url))).as(url).isEqualTo(allowed);
    }

    @ParameterizedTest
    @CsvSource({ "http://site.test:8000/files/a.pdf, true", "http://site.test:8001/files/a.pdf, false",
            "https://site.test/files/a.pdf, true", "http://site.test/files/a.pdf, true",
            "http://other.test:8000/files/a.pdf, false" })
    void allowsTheListingPagesOriginAndItsHostOnTheDefaultPorts(String url, boolean allowed) {
        assertThat(this.fromListing.allows(URI.create(url))).as(url).isEqualTo(allowed);
    }

    @Test
    void refusesAConfiguredOriginThatIsNoWebOrigin() {
        assertThatIllegalArgumentException().isThrownBy(() -> new HostPolicy(Set.of("ftp://files.parkworld.net")))
            .withMessageContaining("parkworld.ingest.crawler.allowed-hosts");
    }
}
