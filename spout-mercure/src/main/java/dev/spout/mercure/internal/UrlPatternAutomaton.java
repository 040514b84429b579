package dev.spout.mercure.internal;

import dev.spout.mercure.internal.UrlPatternParser.Modifier;
import dev.spout.mercure.internal.UrlPatternParser.Part;
import dev.spout.mercure.internal.UrlPatternParser.PartType;
import java.util.Arrays;
import java.util.List;

/**
 * A part list without regexp groups, matched as a Thompson automaton: the language of the regular expression the URL
 * Pattern Standard generates for it ({@code ^\/books(?:\/([^\/]+?))$} for {@code /books/:id}), decided in one pass
 * over the input with the set of states it can be in: time linear in the input times the pattern's size, whatever
 * the pattern, and no recursion.
 *
 * <p>Why not {@link java.util.regex}: its backtracking takes time exponential in the number of groups next to each
 * other for some inputs, and it recurses once per iteration of a repeated group, so the Standard's form of {@code
 * /:id+} overflows a thread's stack on a 2,000-character topic. The Standard allows this ("implementations are free
 * to perform matching directly against the part list when possible"), and {@code test()} only asks whether a match
 * exists, which the automaton decides exactly: the generated expressions have no lookaround or backreference, so
 * greedy or lazy quantifiers change which match is found, never whether one is.
 *
 * <pre>{@code
 * UrlPatternAutomaton.of(parts, UrlPatternParser.Options.PATHNAME).matches("/books/42"); // true
 * }</pre>
 */
final class UrlPatternAutomaton {
    private static final int EPSILON = 0; // one way on without reading (out2 too when it is a split)
    private static final int CHAR = 1; // the character arg
    private static final int NOT = 2; // any character but arg (a segment, up to the delimiter)
    private static final int ANY = 3; // ECMAScript's '.': any but a line terminator
    private static final int MATCH = 4;

    private int[] kind = new int[16];
    private int[] arg = new int[16];
    private int[] out1 = new int[16];
    private int[] out2 = new int[16];
    private int size;
    private final int start;

    /** An automaton's piece: where it starts and its last state, an epsilon whose way on is not yet set. */
    private record Piece(int start, int end) {}

    private UrlPatternAutomaton(List<Part> parts, String delimiter) {
        Piece whole = literal("");
        for (Part part : parts) {
            whole = then(whole, piece(part, delimiter));
        }
        int match = state(MATCH, 0);
        out1[whole.end()] = match;
        start = whole.start();
    }

    /** The automaton of a part list that has no regexp part. */
    static UrlPatternAutomaton of(List<Part> parts, UrlPatternParser.Options options) {
        return new UrlPatternAutomaton(parts, options.delimiter());
    }

    private Piece piece(Part part, String delimiter) {
        if (part.type() == PartType.FIXED_TEXT) {
            return modified(literal(part.value()), part.modifier());
        }
        Modifier modifier = part.modifier();
        if (part.prefix().isEmpty() && part.suffix().isEmpty()) {
            return modified(group(part, delimiter), modifier);
        }
        if (modifier == Modifier.NONE || modifier == Modifier.OPTIONAL) {
            // (?:<prefix>(<value>)<suffix>)<modifier>
            Piece once = then(then(literal(part.prefix()), group(part, delimiter)), literal(part.suffix()));
            return modified(once, modifier);
        }
        // (?:<prefix>((?:<value>)(?:<suffix><prefix>(?:<value>))*)<suffix>)?, the ? for zero-or-more
        Piece again = then(then(literal(part.suffix()), literal(part.prefix())), group(part, delimiter));
        Piece repeated =
                then(then(literal(part.prefix()), group(part, delimiter)), modified(again, Modifier.ZERO_OR_MORE));
        Piece whole = then(repeated, literal(part.suffix()));
        return modifier == Modifier.ZERO_OR_MORE ? modified(whole, Modifier.OPTIONAL) : whole;
    }

    /** A segment wildcard, {@code [^<delimiter>]+?}, or a full wildcard, {@code .*}. */
    private Piece group(Part part, String delimiter) {
        if (part.type() == PartType.FULL_WILDCARD) {
            return modified(reading(ANY, 0), Modifier.ZERO_OR_MORE);
        }
        // No delimiter makes the Standard's "[^]+?": ECMAScript's empty negated class, every character.
        Piece one = delimiter.isEmpty() ? reading(NOT, -1) : reading(NOT, delimiter.charAt(0));
        return modified(one, Modifier.ONE_OR_MORE);
    }

    private Piece modified(Piece piece, Modifier modifier) {
        return switch (modifier) {
            case NONE -> piece;
            case OPTIONAL -> {
                int end = state(EPSILON, -1);
                out1[piece.end()] = end;
                yield new Piece(split(piece.start(), end), end);
            }
            case ZERO_OR_MORE -> {
                int end = state(EPSILON, -1);
                int loop = split(piece.start(), end);
                out1[piece.end()] = loop;
                yield new Piece(loop, end);
            }
            case ONE_OR_MORE -> {
                int end = state(EPSILON, -1);
                int loop = split(piece.start(), end); // first, as it may grow the arrays the assignment writes
                out1[piece.end()] = loop;
                yield new Piece(piece.start(), end);
            }
        };
    }

    private Piece literal(String text) {
        int first = state(EPSILON, -1);
        int last = first;
        for (int i = 0; i < text.length(); i++) {
            int next = state(CHAR, text.charAt(i));
            out1[last] = next;
            last = next;
        }
        int end = state(EPSILON, -1);
        out1[last] = end;
        return new Piece(first, end);
    }

    private Piece reading(int type, int value) {
        int read = state(type, value);
        int end = state(EPSILON, -1);
        out1[read] = end;
        return new Piece(read, end);
    }

    private Piece then(Piece first, Piece second) {
        out1[first.end()] = second.start();
        return new Piece(first.start(), second.end());
    }

    private int split(int one, int other) {
        int split = state(EPSILON, -1);
        out1[split] = one;
        out2[split] = other;
        return split;
    }

    private int state(int type, int value) {
        if (size == kind.length) {
            kind = Arrays.copyOf(kind, size * 2);
            arg = Arrays.copyOf(arg, size * 2);
            out1 = Arrays.copyOf(out1, size * 2);
            out2 = Arrays.copyOf(out2, size * 2);
        }
        kind[size] = type;
        arg[size] = value;
        out1[size] = -1;
        out2[size] = -1;
        return size++;
    }

    /** Whether the whole input is in the automaton's language. */
    boolean matches(String input) {
        int[] current = new int[size];
        int[] next = new int[size];
        int[] seen = new int[size];
        int[] stack = new int[size * 2 + 2];
        int generation = 1;
        int count = close(start, current, 0, seen, generation, stack);
        for (int i = 0; i < input.length() && count > 0; i++) {
            char c = input.charAt(i);
            generation++;
            int nextCount = 0;
            for (int k = 0; k < count; k++) {
                int s = current[k];
                if (reads(s, c)) {
                    nextCount = close(out1[s], next, nextCount, seen, generation, stack);
                }
            }
            int[] swap = current;
            current = next;
            next = swap;
            count = nextCount;
        }
        for (int k = 0; k < count; k++) {
            if (kind[current[k]] == MATCH) {
                return true;
            }
        }
        return false;
    }

    private boolean reads(int s, char c) {
        return switch (kind[s]) {
            case CHAR -> c == arg[s];
            case NOT -> c != arg[s];
            case ANY -> c != '\n' && c != '\r' && c != '\u2028' && c != '\u2029';
            default -> false;
        };
    }

    /** Adds the states reachable from {@code from} without reading (epsilons followed) to {@code into}. */
    private int close(int from, int[] into, int count, int[] seen, int generation, int[] stack) {
        int top = 0;
        stack[top++] = from;
        while (top > 0) {
            int s = stack[--top];
            if (s < 0 || seen[s] == generation) {
                continue;
            }
            seen[s] = generation;
            if (kind[s] == EPSILON) {
                stack[top++] = out2[s];
                stack[top++] = out1[s];
            } else {
                into[count++] = s;
            }
        }
        return count;
    }
}
