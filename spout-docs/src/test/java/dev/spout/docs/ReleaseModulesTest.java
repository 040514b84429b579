package dev.spout.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/releasing.md names exactly the modules a release publishes (every module of the build whose POM does not set
 * {@code maven.deploy.skip}, the parent and the BOM included), and the BOM manages exactly those a user depends on.
 */
class ReleaseModulesTest {
    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
    private static final Pattern ARTIFACT = Pattern.compile("<artifactId>([^<]+)</artifactId>");
    private static final Pattern NAME = Pattern.compile("`([a-z-]+)`");

    @Test
    void theReleaseDocAndTheBomNameEveryPublishedModule() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        Set<String> published = new TreeSet<>(Set.of("spout-parent"));
        String build = read(root.resolve("pom.xml"));
        // The modules every build makes; those of profiles (the bench's peers, -Pbench) are not in a release.
        Matcher modules = MODULE.matcher(build.substring(0, build.indexOf("<profiles>")));
        while (modules.find()) {
            String pom = read(root.resolve(modules.group(1)).resolve("pom.xml"));
            if (!pom.contains("<maven.deploy.skip>true</maven.deploy.skip>")) {
                published.add(artifactId(pom));
            }
        }
        assertThat(published).contains("spout-bom", "spout-engine", "spout-servlet", "spout-spring-boot-starter");

        String releasing = read(root.resolve("docs/releasing.md"));
        String list =
                releasing.substring(releasing.indexOf("gpg signature of each:"), releasing.indexOf("Not published"));
        assertThat(names(list)).as("docs/releasing.md, What is published").isEqualTo(published);

        Set<String> managed = new TreeSet<>();
        Matcher artifacts = ARTIFACT.matcher(read(root.resolve("spout-bom/pom.xml")));
        while (artifacts.find()) {
            if (artifacts.group(1).startsWith("spout-") && !artifacts.group(1).equals("spout-bom")) {
                managed.add(artifacts.group(1));
            }
        }
        Set<String> libraries = new TreeSet<>(published);
        libraries.removeAll(Set.of("spout-bom", "spout-parent"));
        assertThat(managed).as("spout-bom's managed modules").isEqualTo(libraries);
    }

    private static String artifactId(String pom) {
        String afterParent = pom.substring(pom.indexOf("</parent>") + 1);
        Matcher artifact = ARTIFACT.matcher(pom.contains("</parent>") ? afterParent : pom);
        assertThat(artifact.find()).isTrue();
        return artifact.group(1);
    }

    private static Set<String> names(String text) {
        Set<String> names = new TreeSet<>();
        Matcher name = NAME.matcher(text);
        while (name.find()) {
            names.add(name.group(1));
        }
        return names;
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
