package parkworld.pipeline.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressGuardTests {

    private static AddressGuard resolvingTo(boolean allowLoopback, String... addresses) {
        return new AddressGuard(host -> {
            InetAddress[] resolved = new InetAddress[addresses.length];
            for (int i = 0; i < addresses.length; i++) {
                resolved[i] = InetAddress.getByName(addresses[i]);
            }
            return resolved;
        }, allowLoopback);
    }

    @ParameterizedTest
    @ValueSource(strings = { "127.0.0.1", "127.1.2.3", "::1", "10.1.2.3", "172.16.0.1", "172.31.255.254", "192.168.1.1",
            "169.254.169.254", "169.254.0.1", "fe80::1", "fc00::1", "fd12:3456::1", "fec0::1", "100.64.0.1",
            "100.127.255.254", "0.0.0.0", "0.1.2.3", "::", "224.0.0.1", "ff02::1", "192.0.0.8", "198.18.0.1",
            "240.0.0.1", "255.255.255.255", "::ffff:127.0.0.1", "::ffff:169.254.169.254", "::10.0.0.1",
            "64:ff9b::a9fe:a9fe", "2002:c0a8:0101::1" })
    void refusesAddressesNoPublicSiteHas(String address) {
        assertThatThrownBy(() -> resolvingTo(false, address).resolve("www.parkworld.net"))
            .isInstanceOf(AddressGuard.RefusedAddressException.class)
            .hasMessageContaining("www.parkworld.net");
    }

    @ParameterizedTest
    @ValueSource(strings = { "93.184.216.34", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2606:4700:4700::1111",
            "2a00:1450:4001:82b::2004" })
    void allowsPublicAddresses(String address) throws Exception {
        assertThat(resolvingTo(false, address).resolve("www.parkworld.net"))
            .containsExactly(InetAddress.getByName(address));
    }

    @Test
    void allowsLoopbackOnlyWhenConfigured() throws Exception {
        assertThat(resolvingTo(true, "127.0.0.1").resolve("localhost")).hasSize(1);
        assertThat(resolvingTo(true, "::1").resolve("localhost")).hasSize(1);
        assertThatThrownBy(() -> resolvingTo(true, "10.0.0.1").resolve("intranet"))
            .as("allowing loopback allows nothing else").isInstanceOf(AddressGuard.RefusedAddressException.class);
        assertThatThrownBy(() -> resolvingTo(false, "127.0.0.1").resolve("localhost"))
            .hasMessageContaining("parkworld.ingest.crawler.allow-loopback");
    }

    @Test
    void refusesANameWhenAnyOfItsAddressesIsRefused() {
        assertThatThrownBy(() -> resolvingTo(false, "93.184.216.34", "169.254.169.254").resolve("mixed.example"))
            .isInstanceOf(AddressGuard.RefusedAddressException.class).hasMessageContaining("169.254.169.254");
    }
}
