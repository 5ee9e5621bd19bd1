package dev.pailot.rag.bench;

import dev.pailot.rag.ingest.Document;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * The Python 3.11 documentation (Debian package {@code python3.11-doc}) as documents: one per
 * Sphinx {@code <section>}, holding the section's own text (nested sections are documents of their
 * own) without its heading, so a query made from the heading does not appear verbatim in the text.
 */
final class PythonDocsCorpus {
  /**
   * The prose folders of the HTML tree (not the indexes, changelogs or the C API). The benchmark
   * takes a subset as an argument: the library reference alone is 80 % of the text (about 10,000
   * chunks), too much to embed in a first run on two shared cores.
   */
  static final List<String> FOLDERS =
      List.of("library", "tutorial", "reference", "howto", "faq", "using");

  /** One section: its document, its heading (the query) and its page. */
  record Section(Document document, String heading, String page) {}

  private PythonDocsCorpus() {}

  static List<Section> read(Path root, List<String> folders) throws IOException {
    List<Path> pages;
    try (Stream<Path> files = Files.walk(root)) {
      pages =
          files
              .filter(p -> p.toString().endsWith(".html"))
              .filter(p -> folders.contains(root.relativize(p).getName(0).toString()))
              .sorted()
              .collect(Collectors.toList());
    }
    List<Section> out = new ArrayList<>();
    for (Path page : pages) {
      String rel = root.relativize(page).toString();
      org.jsoup.nodes.Document html = Jsoup.parse(page.toFile(), "UTF-8");
      for (Element section : html.select("div.body section[id]")) {
        Element heading = section.selectFirst("> h1, > h2, > h3, > h4, > h5, > h6");
        if (heading == null) {
          continue;
        }
        Element own = section.clone();
        own.select("section, h1, h2, h3, h4, h5, h6, a.headerlink").remove();
        String text =
            own.wholeText()
                .replaceAll("[ \\t\\x0B\\f\\r]+", " ")
                .replaceAll("\\n\\s*\\n+", "\n\n")
                .trim();
        String title = heading.text().replace("¶", "").trim();
        if (text.split("\\s+").length < 20 || title.isEmpty()) {
          continue;
        }
        String id = rel + "#" + section.id();
        out.add(
            new Section(
                Document.builder()
                    .id(id)
                    .text(text)
                    .putMetadata("page", rel)
                    .putMetadata("section", section.id())
                    .build(),
                title,
                rel));
      }
    }
    return out;
  }
}
