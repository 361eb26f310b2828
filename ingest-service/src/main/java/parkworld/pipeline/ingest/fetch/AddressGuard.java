package parkworld.pipeline.ingest.fetch;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;
import org.apache.hc.client5.http.DnsResolver;

/**
 * Resolves host names for the crawler's connections and refuses names that resolve to an address no public web site
 * has: loopback, private (10/8, 172.16/12, 192.168/16), shared (100.64/10), link-local (169.254/16, the cloud metadata
 * service 169.254.169.254 among them; fe80::/10), unique-local IPv6 (fc00::/7), site-local IPv6, multicast, the
 * unspecified and reserved ranges, and IPv6 forms embedding such an IPv4 address. If any address of a name is
 * refused, the name is refused.
 *
 * <p>The HTTP client connects to exactly the addresses returned here (it is the connection manager's resolver), so
 * a name cannot pass the check and then resolve elsewhere for the connection (DNS rebinding). It is asked for every
 * new connection, so every redirect hop is checked. Loopback is allowed only when configured
 * ({@code parkworld.ingest.crawler.allow-loopback}: tests and a site served on the same machine).
 */
public final class AddressGuard implements DnsResolver {

    private final NameResolver names;
    private final boolean allowLoopback;

    public AddressGuard(NameResolver names, boolean allowLoopback) {
        this.names = names;
        this.allowLoopback = allowLoopback;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress[] addresses = this.names.resolve(host);
        for (InetAddress address : addresses) {
            Optional<String> refusal = refusal(address, this.allowLoopback);
            if (refusal.isPresent()) {
                throw new RefusedAddressException(host, address, refusal.get());
            }
        }
        return Arrays.copyOf(addresses, addresses.length);
    }

    @Override
    public String resolveCanonicalHostname(String host) {
        // Only used for Kerberos/SPNEGO, which the crawler never does: no reverse lookup.
        return host;
    }

    /** Why the crawler may not connect to this address, or empty if it may. */
    static Optional<String> refusal(InetAddress address, boolean allowLoopback) {
        if (address.isLoopbackAddress()) {
            return allowLoopback ? Optional.empty()
                    : Optional.of("loopback (set parkworld.ingest.crawler.allow-loopback=true for a site on this machine)");
        }
        if (address instanceof Inet6Address v6) {
            byte[] b = v6.getAddress();
            Optional<byte[]> embedded = embeddedIpv4(b);
            if (embedded.isPresent()) {
                try {
                    return refusal(InetAddress.getByAddress(embedded.get()), allowLoopback)
                        .map(why -> why + ", embedded in " + address.getHostAddress());
                }
                catch (UnknownHostException ex) {
                    throw new IllegalStateException("four bytes are an IPv4 address", ex);
                }
            }
            if ((b[0] & 0xFE) == 0xFC) {
                return Optional.of("unique-local IPv6 (fc00::/7)");
            }
        }
        if (address.isAnyLocalAddress()) {
            return Optional.of("unspecified address");
        }
        if (address.isLinkLocalAddress()) {
            return Optional.of("link-local (cloud metadata services live here)");
        }
        if (address.isSiteLocalAddress()) {
            return Optional.of("private network");
        }
        if (address.isMulticastAddress()) {
            return Optional.of("multicast");
        }
        if (address instanceof Inet4Address) {
            int a = address.getAddress()[0] & 0xFF;
            int b = address.getAddress()[1] & 0xFF;
            int c = address.getAddress()[2] & 0xFF;
            if (a == 0) {
                return Optional.of("'this network' (0.0.0.0/8)");
            }
            if (a == 100 && (b & 0xC0) == 64) {
                return Optional.of("shared address space (100.64.0.0/10)");
            }
            if (a == 192 && b == 0 && c == 0) {
                return Optional.of("IETF protocol assignments (192.0.0.0/24)");
            }
            if (a == 198 && (b & 0xFE) == 18) {
                return Optional.of("benchmarking (198.18.0.0/15)");
            }
            if (a >= 240) {
                return Optional.of("reserved (240.0.0.0/4)");
            }
        }
        return Optional.empty();
    }

    /** The IPv4 address inside an IPv4-compatible (::a.b.c.d), NAT64 (64:ff9b::/96) or 6to4 (2002::/16) address. */
    private static Optional<byte[]> embeddedIpv4(byte[] b) {
        boolean zeroPrefix = true;
        for (int i = 0; i < 12; i++) {
            zeroPrefix &= b[i] == 0;
        }
        boolean nat64 = b[0] == 0x00 && b[1] == 0x64 && b[2] == (byte) 0xFF && b[3] == (byte) 0x9B;
        for (int i = 4; nat64 && i < 12; i++) {
            nat64 = b[i] == 0;
        }
        if (zeroPrefix && !(b[12] == 0 && b[13] == 0 && b[14] == 0 && (b[15] == 0 || b[15] == 1))) {
            return Optional.of(Arrays.copyOfRange(b, 12, 16));
        }
        if (nat64) {
            return Optional.of(Arrays.copyOfRange(b, 12, 16));
        }
        if (b[0] == 0x20 && b[1] == 0x02) {
            return Optional.of(Arrays.copyOfRange(b, 2, 6));
        }
        return Optional.empty();
    }

    /** Host name resolution; a seam so tests can make a name resolve where they need it to. */
    @FunctionalInterface
    public interface NameResolver {

        InetAddress[] resolve(String host) throws UnknownHostException;

        static NameResolver system() {
            return InetAddress::getAllByName;
        }
    }

    /** A host name resolved to an address the crawler may not connect to. */
    public static final class RefusedAddressException extends UnknownHostException {

        RefusedAddressException(String host, InetAddress address, String why) {
            super(host + " resolves to " + address.getHostAddress() + ": " + why + "; not contacted");
        }
    }
}
