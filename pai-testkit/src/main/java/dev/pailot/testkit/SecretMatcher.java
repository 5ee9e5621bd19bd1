package dev.pailot.testkit;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Finds registered secrets in text, in their raw and URL-encoded forms (a token in a logged URL is
 * still a leak). Reports a secret by its number and length, never by its value. Thread-safe.
 */
final class SecretMatcher {
  private final List<String> secrets = new CopyOnWriteArrayList<>();

  void add(String secret) {
    if (secret == null || secret.length() < 6) {
      throw new IllegalArgumentException(
          "a secret to guard must have at least 6 characters, or it matches by accident");
    }
    if (!secrets.contains(secret)) {
      secrets.add(secret);
    }
  }

  int size() {
    return secrets.size();
  }

  /**
   * The description of the first secret found in {@code text}, or {@code null}.
   *
   * @param text text to search, may be {@code null}
   * @return e.g. {@code secret #2 (29 chars)}
   */
  String find(String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    for (int i = 0; i < secrets.size(); i++) {
      String s = secrets.get(i);
      if (text.contains(s) || text.contains(urlEncoded(s))) {
        return "secret #" + (i + 1) + " (" + s.length() + " chars)";
      }
    }
    return null;
  }

  private static String urlEncoded(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
