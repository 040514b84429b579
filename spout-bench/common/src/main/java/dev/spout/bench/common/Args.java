package dev.spout.bench.common;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code --name value} command-line options, with clear errors for what is missing or malformed. */
public record Args(String command, Map<String, String> options) {

    /** Options only ({@code --port 8080 --rate 100}), as a peer server takes them. */
    public static Args options(String[] args) {
        String[] withCommand = new String[args.length + 1];
        withCommand[0] = "server";
        System.arraycopy(args, 0, withCommand, 1, args.length);
        return parse(withCommand);
    }

    public static Args parse(String[] args) {
        if (args.length == 0) {
            throw new IllegalArgumentException("Usage: server|load|run [--option value ...]");
        }
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("Expected an option like --port, got \"" + arg + "\"");
            }
            int eq = arg.indexOf('=');
            if (eq > 0) {
                options.put(arg.substring(2, eq), arg.substring(eq + 1));
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                options.put(arg.substring(2), args[++i]);
            } else {
                options.put(arg.substring(2), "true");
            }
        }
        return new Args(args[0], options);
    }

    public String string(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    public int integer(String name, int fallback) {
        String value = options.get(name);
        try {
            return value == null ? fallback : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " takes a whole number, got \"" + value + "\"");
        }
    }

    /** A number that may have decimals ({@code --rate 0.2}), zero or more. */
    public double decimal(String name, double fallback) {
        String value = options.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            double parsed = Double.parseDouble(value);
            if (!Double.isFinite(parsed) || parsed < 0) {
                throw new NumberFormatException(value);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "--" + name + " takes a number of zero or more, such as 100 or 0.2, got \"" + value + "\"");
        }
    }

    public Duration duration(String name, Duration fallback) {
        String value = options.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            if (value.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
            }
            if (value.endsWith("s")) {
                return Duration.ofSeconds(Long.parseLong(value.substring(0, value.length() - 1)));
            }
            return Duration.ofSeconds(Long.parseLong(value));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "--" + name + " takes a duration like 30s or 500ms, got \"" + value + "\"");
        }
    }

    public boolean flag(String name) {
        return Boolean.parseBoolean(options.getOrDefault(name, "false"));
    }

    public List<String> list(String name, String fallback) {
        return List.of(string(name, fallback).split(","));
    }
}
