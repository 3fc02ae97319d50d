package org.bioimagecatalog.http.client;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Which hosts a service may fetch from. An admin names a harvest location and upstream pages name links and
 * redirects: none of them may make the service reach into the network it runs in. Loopback, private (RFC 1918,
 * carrier-grade NAT, IPv6 unique-local), any-local and multicast addresses are refused unless
 * {@code allowPrivate} (tests and the local replay server on 127.0.0.1); link-local addresses (the cloud metadata
 * service at 169.254.169.254) unless {@code allowLinkLocal}. Every address a host name resolves to must pass.
 */
public final class AddressGuard {
    /** No check at all: for clients built outside the service (benchmarks, unit tests of parsers). */
    public static final AddressGuard ALLOW_ALL = new AddressGuard(true, true);

    private final boolean allowPrivate;
    private final boolean allowLinkLocal;

    public AddressGuard(boolean allowPrivate, boolean allowLinkLocal) {
        this.allowPrivate = allowPrivate;
        this.allowLinkLocal = allowLinkLocal;
    }

    /** Why {@code uri} may not be fetched, if it may not. */
    public Optional<String> refusal(URI uri) {
        if (allowPrivate && allowLinkLocal) {
            return Optional.empty();
        }
        String host = uri.getHost();
        if (host == null) {
            return Optional.of(uri + " names no host");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException e) {
            return Optional.empty(); // the fetch itself reports an unknown host
        }
        for (InetAddress address : addresses) {
            Optional<String> kind = kind(address);
            if (kind.isPresent()) {
                return Optional.of("refused: " + host + " is " + kind.get() + " (" + address.getHostAddress()
                        + "); harvest locations, links and redirects must be public addresses");
            }
        }
        return Optional.empty();
    }

    private Optional<String> kind(InetAddress address) {
        if (address.isLinkLocalAddress()) {
            return allowLinkLocal ? Optional.empty() : Optional.of("a link-local address");
        }
        if (allowPrivate) {
            return Optional.empty();
        }
        if (address.isLoopbackAddress()) {
            return Optional.of("a loopback address");
        }
        if (address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return Optional.of("not a unicast address");
        }
        if (address.isSiteLocalAddress() || carrierGradeNat(address) || uniqueLocal(address)) {
            return Optional.of("a private address");
        }
        return Optional.empty();
    }

    private static boolean carrierGradeNat(InetAddress address) {
        byte[] b = address.getAddress();
        return address instanceof Inet4Address && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64;
    }

    private static boolean uniqueLocal(InetAddress address) {
        return address instanceof Inet6Address && (address.getAddress()[0] & 0xfe) == 0xfc;
    }
}
