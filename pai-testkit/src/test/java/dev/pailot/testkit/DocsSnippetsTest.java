package dev.pailot.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code docs/testing.md} honest: every tagged region of {@link DocsTestingExampleTest} must
 * appear verbatim (modulo indentation) in the guide, so its snippets are compiled and run code.
 */
class DocsSnippetsTest {
  private static final Path EXAMPLE =
      Path.of("src/test/java/dev/pailot/testkit/DocsTestingExampleTest.java");
  private static final Path GUIDE = Path.of("../docs/testing.md");
  private static final Pattern REGION =
      Pattern.compile("// tag::(\\w+)\\[]\\n(.*?)\\n *// end::\\1\\[]", Pattern.DOTALL);

  @Test
  void everyExampleRegionIsQuotedInTheGuide() throws IOException {
    String source = Files.readString(EXAMPLE, StandardCharsets.UTF_8);
    String guide = Files.readString(GUIDE, StandardCharsets.UTF_8);

    List<String> regions = new ArrayList<>();
    Matcher m = REGION.matcher(source);
    while (m.find()) {
      regions.add(m.group(1));
      assertThat(guide).as("region %s of %s", m.group(1), EXAMPLE).contains(dedent(m.group(2)));
    }
    assertThat(regions).containsExactly("class", "errors", "custom");
    assertThat(guide).contains("DocsTestingExampleTest.java");
  }

  static String dedent(String block) {
    String[] lines = block.split("\n", -1);
    int indent = Integer.MAX_VALUE;
    for (String line : lines) {
      if (!line.isBlank()) {
        indent = Math.min(indent, line.length() - line.stripLeading().length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (String line : lines) {
      out.append(line.isBlank() ? "" : line.substring(indent)).append('\n');
    }
    return out.toString().strip();
  }
}
