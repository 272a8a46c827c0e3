package dev.firebreak.runbooks.steps.http;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Which resolved addresses {@code http.request} refuses, and CIDR matching for the explicit exceptions. */
final class AddressRules {

    private AddressRules() {}

    /** Why the address is refused (loopback, private, ...), or null for a public address. */
    static String restricted(InetAddress a) {
        if (a.isLoopbackAddress()) {
            return "loopback";
        }
        if (a.isLinkLocalAddress()) {
            return "link-local (cloud metadata)";
        }
        if (a.isAnyLocalAddress()) {
            return "unspecified";
        }
        if (a.isMulticastAddress()) {
            return "multicast";
        }
        if (a.isSiteLocalAddress()) {
            return "private";
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int b0 = b[0] & 0xff;
            int b1 = b[1] & 0xff;
            if (b0 == 0) {
                return "unspecified";
            }
            if (b0 == 100 && b1 >= 64 && b1 < 128) {
                return "private (carrier-grade NAT)";
            }
            if (b0 == 198 && (b1 == 18 || b1 == 19)) {
                return "private (benchmarking)";
            }
            if (b0 >= 240) {
                return "reserved";
            }
        } else if (a instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return "private (unique local)";
            }
            boolean mapped = true;
            for (int i = 0; i < 10; i++) {
                mapped &= b[i] == 0;
            }
            if (mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
                try {
                    InetAddress v4 = InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
                    return restricted(v4);
                } catch (UnknownHostException e) {
                    return "invalid";
                }
            }
        }
        return null;
    }

    static boolean inAny(InetAddress a, List<String> cidrs) {
        for (String c : cidrs) {
            if (in(a, c.trim())) {
                return true;
            }
        }
        return false;
    }

    static boolean in(InetAddress a, String cidr) {
        String[] parts = cidr.split("/");
        try {
            byte[] net = InetAddress.getByName(parts[0]).getAddress();
            byte[] addr = a.getAddress();
            if (net.length != addr.length) {
                return false;
            }
            int bits = parts.length > 1 ? Integer.parseInt(parts[1]) : net.length * 8;
            for (int i = 0; i < net.length && bits > 0; i++, bits -= 8) {
                int mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
                if ((net[i] & mask) != (addr[i] & mask)) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException | NumberFormatException e) {
            return false;
        }
    }
}
