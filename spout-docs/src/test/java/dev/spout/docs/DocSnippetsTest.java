package dev.spout.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every Java snippet in the README and in {@code docs/} is code this module compiles: each {@code ```java} block
 * follows a {@code <!-- snippet: name -->} line and shows exactly the regions marked {@code // snippet:name} …
 * {@code // snippet:end} in this module's sources (several regions of one name, such as its imports and its code,
 * joined by a blank line; each region without the indentation its lines share). A block without a marker, a marker
 * for no snippet, a block that differs from its code, and a snippet no document shows all fail, with where.
 *
 * <p>After changing a snippet's code, {@code ./mvnw -pl spout-docs test -Dsnippets.write=true} writes it into the
 * documents that show it.
 */
class DocSnippetsTest {
    private static final String BLOCK_START = "```java";
    private static final String MARKER_START = "<!-- snippet: ";
    private static final String MARKER_END = " -->";

    @Test
    void everyJavaBlockOfTheDocsIsCompiledCodeShownAsItIs() throws IOException {
        Path root = repositoryRoot();
        Map<String, String> snippets = snippets(root.resolve("spout-docs/src/main/java"));
        assertThat(snippets).as("snippets in spout-docs").isNotEmpty();
        List<String> problems = new ArrayList<>();
        Set<String> shown = new LinkedHashSet<>();
        boolean write = Boolean.getBoolean("snippets.write");
        for (Path doc : documents(root)) {
            List<String> lines = new ArrayList<>(Files.readAllLines(doc, StandardCharsets.UTF_8));
            boolean changed = false;
            for (int i = 0; i < lines.size(); i++) {
                if (!lines.get(i).strip().equals(BLOCK_START)) {
                    continue;
                }
                String where = root.relativize(doc) + ":" + (i + 1);
                String marker = i > 0 ? lines.get(i - 1).strip() : "";
                int end = i + 1;
                while (end < lines.size() && !lines.get(end).strip().equals("```")) {
                    end++;
                }
                String block = String.join("\n", lines.subList(i + 1, end)).stripTrailing();
                if (!marker.startsWith(MARKER_START) || !marker.endsWith(MARKER_END)) {
                    problems.add(where + ": a Java block without a <!-- snippet: name --> line before it");
                } else {
                    String name = marker.substring(MARKER_START.length(), marker.length() - MARKER_END.length());
                    String code = snippets.get(name);
                    if (code == null) {
                        problems.add(where + ": no snippet '" + name + "' in spout-docs");
                    } else if (!code.equals(block) && write) {
                        lines.subList(i + 1, end).clear();
                        lines.addAll(i + 1, List.of(code.split("\n", -1)));
                        end = i + 1 + code.split("\n", -1).length;
                        changed = true;
                    } else if (!code.equals(block)) {
                        problems.add(where + ": differs from the snippet '" + name + "', which reads:\n" + code);
                    }
                    shown.add(name);
                }
                i = end;
            }
            if (changed) {
                Files.writeString(doc, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
            }
        }
        Set<String> unshown = new LinkedHashSet<>(snippets.keySet());
        unshown.removeAll(shown);
        unshown.forEach(name -> problems.add("the snippet '" + name + "' is in no document"));
        assertThat(problems).as(String.join("\n\n", problems)).isEmpty();
    }

    @Test
    void regionsAreJoinedAndDedented(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("A.java"), """
                // snippet:a
                import x.Y;
                // snippet:end
                class A {
                    void f() {
                        // snippet:a
                        call(1);
                            nested();
                        // snippet:end
                    }
                }
                """);
        assertThat(snippets(dir)).containsExactly(Map.entry("a", "import x.Y;\n\ncall(1);\n    nested();"));
    }

    /** The snippets of the sources under {@code sources}, by name, in the order their regions appear. */
    static Map<String, String> snippets(Path sources) throws IOException {
        Map<String, List<String>> regions = new LinkedHashMap<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(sources)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        for (Path file : files) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            String name = null;
            List<String> region = new ArrayList<>();
            for (String line : lines) {
                String text = line.strip();
                if (text.startsWith("// snippet:")) {
                    String marker = text.substring("// snippet:".length()).strip();
                    if (marker.equals("end")) {
                        if (name == null) {
                            throw new IllegalStateException(file + ": '// snippet:end' without a start");
                        }
                        regions.computeIfAbsent(name, n -> new ArrayList<>()).add(dedent(region));
                        name = null;
                        region.clear();
                    } else {
                        name = marker;
                    }
                } else if (name != null) {
                    region.add(line);
                }
            }
            if (name != null) {
                throw new IllegalStateException(file + ": the snippet '" + name + "' has no '// snippet:end'");
            }
        }
        Map<String, String> joined = new LinkedHashMap<>();
        regions.forEach((name, parts) -> joined.put(name, String.join("\n\n", parts)));
        return joined;
    }

    private static String dedent(List<String> lines) {
        int indent = lines.stream()
                .filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length())
                .min()
                .orElse(0);
        return lines.stream()
                .map(l -> l.isBlank() ? "" : l.substring(indent).stripTrailing())
                .reduce((a, b) -> a + "\n" + b)
                .orElse("")
                .replaceFirst("^\n+", "")
                .stripTrailing();
    }

    private static List<Path> documents(Path root) throws IOException {
        List<Path> documents = new ArrayList<>();
        documents.add(root.resolve("README.md"));
        try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(documents::add);
        }
        return documents;
    }

    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("spout-docs")) && Files.exists(dir.resolve("README.md"))) {
                return dir;
            }
        }
        throw new IllegalStateException(
                "Not inside the Spout repository: " + Path.of("").toAbsolutePath());
    }
}
