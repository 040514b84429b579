package dev.spout.mercure.internal;

import java.io.ByteArrayOutputStream;
import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The URL Standard's host parser (https://url.spec.whatwg.org/#host-parsing), returning the host already serialized:
 * a domain lowercased (and, when it is not ASCII, converted to its {@code xn--} form), an IPv4 address in dotted
 * decimal whatever radix it was written in, an IPv6 address compressed and bracketed, or an opaque host
 * percent-encoded.
 *
 * <p>One approximation: a domain that is not ASCII goes through {@link IDN#toASCII} (IDNA 2003) rather than UTS 46
 * processing; the two differ on a few code points (U+00DF, for one, is mapped to "ss" here rather than kept). ASCII
 * domains, the topics' usual case, take the Standard's own path: lowercased, whatever ToASCII would say.
 *
 * <pre>{@code
 * WhatwgHost.parse("EXAMPLE.com", false); // "example.com"
 * WhatwgHost.parse("0x7f.1", false);      // "127.0.0.1"
 * }</pre>
 */
final class WhatwgHost {
    private static final String FORBIDDEN_HOST = "\u0000\t\n\r #/:<>?@[\\]^|";

    private WhatwgHost() {}

    /** The host, serialized, or null for failure; {@code opaque} for a URL whose scheme is not special. */
    static @Nullable String parse(String input, boolean opaque) {
        if (input.startsWith("[")) {
            return input.endsWith("]") && input.length() >= 2 ? ipv6(input.substring(1, input.length() - 1)) : null;
        }
        if (opaque) {
            for (int i = 0; i < input.length(); i++) {
                if (FORBIDDEN_HOST.indexOf(input.charAt(i)) >= 0) {
                    return null;
                }
            }
            return PercentEncodeSet.C0_CONTROL.encode(input);
        }
        String domain = new String(percentDecode(input), StandardCharsets.UTF_8);
        String ascii = toAscii(domain);
        if (ascii == null || ascii.isEmpty()) {
            return null;
        }
        for (int i = 0; i < ascii.length(); i++) {
            char c = ascii.charAt(i);
            if (FORBIDDEN_HOST.indexOf(c) >= 0 || c < 0x20 || c == '%' || c == 0x7F) {
                return null;
            }
        }
        return endsInANumber(ascii) ? ipv4(ascii) : ascii;
    }

    private static @Nullable String toAscii(String domain) {
        if (domain.chars().allMatch(c -> c < 0x80)) {
            return domain.toLowerCase(Locale.ROOT);
        }
        try {
            return IDN.toASCII(domain, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException notADomain) {
            return null;
        }
    }

    /** The bytes of the string's UTF-8 encoding, each {@code %XX} decoded. */
    static byte[] percentDecode(String input) {
        byte[] bytes = input.getBytes(StandardCharsets.UTF_8);
        var out = new ByteArrayOutputStream(bytes.length);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '%' && i + 2 < bytes.length && hex(bytes[i + 1]) >= 0 && hex(bytes[i + 2]) >= 0) {
                out.write(hex(bytes[i + 1]) * 16 + hex(bytes[i + 2]));
                i += 2;
            } else {
                out.write(bytes[i]);
            }
        }
        return out.toByteArray();
    }

    private static int hex(int c) {
        return Character.digit(c, 16);
    }

    private static boolean endsInANumber(String input) {
        String[] parts = input.split("\\.", -1);
        String last = parts[parts.length - 1];
        if (last.isEmpty() && parts.length > 1) {
            last = parts[parts.length - 2];
        }
        return !last.isEmpty() && (last.chars().allMatch(c -> c >= '0' && c <= '9') || ipv4Number(last) >= 0);
    }

    private static @Nullable String ipv4(String input) {
        String[] parts = input.split("\\.", -1);
        int count = parts[parts.length - 1].isEmpty() && parts.length > 1 ? parts.length - 1 : parts.length;
        if (count > 4) {
            return null;
        }
        long[] numbers = new long[count];
        for (int i = 0; i < count; i++) {
            numbers[i] = ipv4Number(parts[i]);
            if (numbers[i] < 0 || (i < count - 1 && numbers[i] > 255)) {
                return null;
            }
        }
        long address = numbers[count - 1];
        if (address >= 1L << (8 * (5 - count))) {
            return null;
        }
        for (int i = 0; i < count - 1; i++) {
            address += numbers[i] << (8 * (3 - i));
        }
        return (address >> 24) + "." + ((address >> 16) & 0xFF) + "." + ((address >> 8) & 0xFF) + "."
                + (address & 0xFF);
    }

    /** An IPv4 part's value (decimal, {@code 0x} hex or {@code 0} octal), capped above 2^32, or -1 if not one. */
    private static long ipv4Number(String part) {
        if (part.isEmpty()) {
            return -1;
        }
        int radix = 10;
        String digits = part;
        if (part.length() >= 2 && (part.startsWith("0x") || part.startsWith("0X"))) {
            radix = 16;
            digits = part.substring(2);
        } else if (part.length() >= 2 && part.charAt(0) == '0') {
            radix = 8;
            digits = part.substring(1);
        }
        long value = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = Character.digit(digits.charAt(i), radix);
            if (digit < 0 || digits.charAt(i) > 0x7F) {
                return -1;
            }
            // Any value past 2^32 fails the same way, so the value saturates rather than overflows.
            value = Math.min(value * radix + digit, 1L << 33);
        }
        return value;
    }

    /** The IPv6 parser, then its serializer, bracketed; null for failure. */
    static @Nullable String ipv6(String input) {
        int[] address = new int[8];
        int piece = 0;
        int compress = -1;
        int p = 0;
        int n = input.length();
        if (p < n && input.charAt(p) == ':') {
            if (p + 1 >= n || input.charAt(p + 1) != ':') {
                return null;
            }
            p += 2;
            compress = ++piece;
        }
        while (p < n) {
            if (piece == 8) {
                return null;
            }
            if (input.charAt(p) == ':') {
                if (compress >= 0) {
                    return null;
                }
                p++;
                compress = ++piece;
                continue;
            }
            int value = 0;
            int length = 0;
            while (length < 4 && p < n && hex(input.charAt(p)) >= 0 && input.charAt(p) < 0x80) {
                value = value * 16 + hex(input.charAt(p));
                p++;
                length++;
            }
            if (p < n && input.charAt(p) == '.') {
                if (length == 0 || piece > 6) {
                    return null;
                }
                p -= length;
                int seen = 0;
                while (p < n) {
                    if (seen > 0) {
                        if (input.charAt(p) != '.' || seen >= 4) {
                            return null;
                        }
                        p++;
                    }
                    if (p >= n || input.charAt(p) < '0' || input.charAt(p) > '9') {
                        return null;
                    }
                    int ipv4Piece = -1;
                    while (p < n && input.charAt(p) >= '0' && input.charAt(p) <= '9') {
                        int digit = input.charAt(p) - '0';
                        if (ipv4Piece == 0) {
                            return null;
                        }
                        ipv4Piece = ipv4Piece < 0 ? digit : ipv4Piece * 10 + digit;
                        if (ipv4Piece > 255) {
                            return null;
                        }
                        p++;
                    }
                    address[piece] = address[piece] * 0x100 + ipv4Piece;
                    seen++;
                    if (seen == 2 || seen == 4) {
                        piece++;
                    }
                }
                if (seen != 4) {
                    return null;
                }
                break;
            } else if (p < n && input.charAt(p) == ':') {
                p++;
                if (p >= n) {
                    return null;
                }
            } else if (p < n) {
                return null;
            }
            address[piece++] = value;
        }
        if (compress >= 0) {
            int swaps = piece - compress;
            for (int i = 7; i != 0 && swaps > 0; i--, swaps--) {
                int other = compress + swaps - 1;
                int kept = address[i];
                address[i] = address[other];
                address[other] = kept;
            }
        } else if (piece != 8) {
            return null;
        }
        return "[" + serializeIpv6(address) + "]";
    }

    private static String serializeIpv6(int[] address) {
        int longest = -1;
        int longestSize = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && address[j] == 0) {
                j++;
            }
            if (j - i > longestSize) {
                longest = i;
                longestSize = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        var out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == longest) {
                out.append(i == 0 ? "::" : ":");
                i += longestSize - 1;
                continue;
            }
            out.append(Integer.toHexString(address[i]));
            if (i != 7) {
                out.append(':');
            }
        }
        return out.toString();
    }
}
