package dev.spout.mercure.internal;

import dev.spout.mercure.internal.WhatwgUrlParser.State;
import org.jspecify.annotations.Nullable;

/**
 * The authority states of the URL Standard's basic URL parser (authority, host, port, file host): where userinfo is
 * percent-encoded, the host parsed by {@link WhatwgHost}, and a scheme's default port dropped. Apart from {@link
 * WhatwgUrlParser} because they are much of its length; each returns as a state of the machine does (null to go on).
 *
 * <pre>{@code
 * WhatwgUrl url = WhatwgUrl.parse("https://ann:pw@EXAMPLE.com:443/");
 * // url.username "ann", url.password "pw", url.host "example.com", url.port null
 * }</pre>
 */
final class WhatwgAuthorityStates {
    private static final int EOF = WhatwgUrlParser.EOF;

    private WhatwgAuthorityStates() {}

    static @Nullable Boolean step(WhatwgUrlParser parser, int c) {
        return switch (parser.state) {
            case AUTHORITY -> authority(parser, c);
            case HOST, HOSTNAME -> host(parser, c);
            case PORT -> port(parser, c);
            default -> fileHost(parser, c);
        };
    }

    private static @Nullable Boolean authority(WhatwgUrlParser parser, int c) {
        WhatwgUrl url = parser.url;
        StringBuilder buffer = parser.buffer;
        if (c == '@') {
            if (parser.atSignSeen) {
                buffer.insert(0, "%40");
            }
            parser.atSignSeen = true;
            buffer.codePoints().forEach(codePoint -> {
                if (codePoint == ':' && !parser.passwordTokenSeen) {
                    parser.passwordTokenSeen = true;
                    return;
                }
                var into = new StringBuilder();
                PercentEncodeSet.USERINFO.append(into, codePoint);
                if (parser.passwordTokenSeen) {
                    url.password += into;
                } else {
                    url.username += into;
                }
            });
            buffer.setLength(0);
        } else if (c == EOF || c == '/' || c == '?' || c == '#' || (url.special() && c == '\\')) {
            if (parser.atSignSeen && buffer.isEmpty()) {
                return false;
            }
            parser.pointer -= buffer.codePointCount(0, buffer.length()) + 1;
            buffer.setLength(0);
            parser.state = State.HOST;
        } else {
            buffer.appendCodePoint(c);
        }
        return null;
    }

    private static @Nullable Boolean host(WhatwgUrlParser parser, int c) {
        WhatwgUrl url = parser.url;
        StringBuilder buffer = parser.buffer;
        if (parser.override != null && url.scheme.equals("file")) {
            parser.pointer--;
            parser.state = State.FILE_HOST;
        } else if (c == ':' && !parser.insideBrackets) {
            if (buffer.isEmpty() || parser.override == State.HOSTNAME) {
                return false;
            }
            String host = WhatwgHost.parse(buffer.toString(), !url.special());
            if (host == null) {
                return false;
            }
            url.host = host;
            buffer.setLength(0);
            parser.state = State.PORT;
        } else if (c == EOF || c == '/' || c == '?' || c == '#' || (url.special() && c == '\\')) {
            parser.pointer--;
            if (url.special() && buffer.isEmpty()) {
                return false;
            }
            if (parser.override != null && buffer.isEmpty() && (url.includesCredentials() || url.port != null)) {
                return false;
            }
            String host = WhatwgHost.parse(buffer.toString(), !url.special());
            if (host == null) {
                return false;
            }
            url.host = host;
            buffer.setLength(0);
            parser.state = State.PATH_START;
            if (parser.override != null) {
                return true;
            }
        } else {
            if (c == '[') {
                parser.insideBrackets = true;
            } else if (c == ']') {
                parser.insideBrackets = false;
            }
            buffer.appendCodePoint(c);
        }
        return null;
    }

    private static @Nullable Boolean port(WhatwgUrlParser parser, int c) {
        WhatwgUrl url = parser.url;
        StringBuilder buffer = parser.buffer;
        if (c >= '0' && c <= '9') {
            buffer.appendCodePoint(c);
        } else if (c == EOF
                || c == '/'
                || c == '?'
                || c == '#'
                || (url.special() && c == '\\')
                || parser.override != null) {
            if (!buffer.isEmpty()) {
                String digits = buffer.toString().replaceFirst("^0+(?=.)", "");
                long port = digits.length() > 5 ? Long.MAX_VALUE : Long.parseLong(digits);
                if (port > 0xFFFF) {
                    return false;
                }
                url.port = port == WhatwgUrl.defaultPort(url.scheme) ? null : (int) port;
                buffer.setLength(0);
                if (parser.override != null) {
                    return true;
                }
            }
            if (parser.override != null) {
                return false;
            }
            parser.state = State.PATH_START;
            parser.pointer--;
        } else {
            return false;
        }
        return null;
    }

    private static @Nullable Boolean fileHost(WhatwgUrlParser parser, int c) {
        WhatwgUrl url = parser.url;
        StringBuilder buffer = parser.buffer;
        if (c == EOF || c == '/' || c == '\\' || c == '?' || c == '#') {
            parser.pointer--;
            if (parser.override == null && WhatwgPathStates.isWindowsDriveLetter(buffer, false)) {
                parser.state = State.PATH; // the buffer is the path's first segment
            } else if (buffer.isEmpty()) {
                url.host = "";
                if (parser.override != null) {
                    return true;
                }
                parser.state = State.PATH_START;
            } else {
                String host = WhatwgHost.parse(buffer.toString(), !url.special());
                if (host == null) {
                    return false;
                }
                url.host = host.equals("localhost") ? "" : host;
                if (parser.override != null) {
                    return true;
                }
                buffer.setLength(0);
                parser.state = State.PATH_START;
            }
        } else {
            buffer.appendCodePoint(c);
        }
        return null;
    }
}
