package dev.spout.engine.auth;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;

/**
 * The part of a client's address that one client holds: an IPv4 address whole, an IPv6 address by its /64 prefix.
 * An IPv6 host is given a whole /64 (every SLAAC network is one), so a limit per full IPv6 address is a limit per
 * 2^64 addresses of one client: limits, throttles and quotas per client count by this key instead.
 */
public final class AddressPrefix {
    private AddressPrefix() {}

    /** The client key of a textual address ({@code 192.0.2.7}, {@code 2001:db8:0:0:1:2:3:4}); other text as given. */
    public static String of(String address) {
        if (address.indexOf(':') < 0) {
            return address; // IPv4, or not an address at all (a Unix socket's name): the whole of it
        }
        try {
            // A literal is parsed, never looked up.
            InetAddress parsed = InetAddress.getByName(stripZone(address));
            if (parsed instanceof Inet6Address v6) {
                byte[] bytes = v6.getAddress();
                return HexFormat.of().formatHex(bytes, 0, 8) + "::/64";
            }
            return parsed.getHostAddress(); // an IPv4-mapped address: the IPv4 address
        } catch (UnknownHostException | SecurityException notALiteral) {
            return address;
        }
    }

    private static String stripZone(String address) {
        int zone = address.indexOf('%');
        String bare = zone < 0 ? address : address.substring(0, zone);
        return bare.startsWith("[") && bare.endsWith("]") ? bare.substring(1, bare.length() - 1) : bare;
    }
}
