package dev.pailot.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps every Java snippet in the README and {@code docs/} compiled: each {@code ```java} block
 * must be preceded by {@code <!-- snippet: path/To/File.java#tag -->} and be identical (after
 * dedenting) to the region between {@code // tag::tag[]} and {@code // end::tag[]} in that file,
 * which the build compiles and runs.
 */
class DocSnippetsTest {
  private static final Pattern BLOCK =
      Pattern.compile(
          "(?:<!-- snippet: (\\S+)#(\\S+) -->\\s*\\n)?```java\\n(.*?)```", Pattern.DOTALL);

  private static Path root() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !Files.exists(p.resolve("README.md"))) {
      p = p.getParent();
    }
    return p;
  }

  private static List<Path> docs(Path root) throws IOException {
    List<Path> files = new ArrayList<>();
    files.add(root.resolve("README.md"));
    try (Stream<Path> s = Files.walk(root.resolve("docs"))) {
      s.filter(f -> f.toString().endsWith(".md")).sorted().forEach(files::add);
    }
    return files;
  }

  @Test
  void everyJavaSnippetMatchesCompiledSource() throws IOException {
    Path root = root();
    assertThat(root).as("repository root").isNotNull();
    int checked = 0;
    for (Path doc : docs(root)) {
      Matcher m = BLOCK.matcher(Files.readString(doc));
      while (m.find()) {
        String where = root.relativize(doc) + " near offset " + m.start();
        assertThat(m.group(1)).as("snippet marker before java block in " + where).isNotNull();
        Path source = root.resolve(m.group(1));
        assertThat(source).as("snippet source for " + where).exists();
        assertThat(normalise(m.group(3)))
            .as("snippet %s#%s in %s", m.group(1), m.group(2), where)
            .isEqualTo(region(Files.readString(source), m.group(2)));
        checked++;
      }
    }
    assertThat(checked).as("java snippets checked").isPositive();
  }

  static String region(String source, String tag) {
    String begin = "// tag::" + tag + "[]";
    String end = "// end::" + tag + "[]";
    int from = source.indexOf(begin);
    int to = source.indexOf(end);
    assertThat(from).as("tag " + tag).isNotNegative();
    assertThat(to).as("end tag " + tag).isGreaterThan(from);
    String body = source.substring(source.indexOf('\n', from) + 1, to);
    body = body.substring(0, body.lastIndexOf('\n') + 1);
    return normalise(body);
  }

  static String normalise(String code) {
    List<String> lines = code.lines().collect(Collectors.toList());
    int indent =
        lines.stream()
            .filter(l -> !l.isBlank())
            .mapToInt(l -> l.length() - l.stripLeading().length())
            .min()
            .orElse(0);
    return lines.stream()
        .map(l -> l.isBlank() ? "" : l.substring(indent).stripTrailing())
        .collect(Collectors.joining("\n"))
        .strip();
  }
}
