package dev.pailot.testkit.localpai.internal.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The command-line flags of an engine's launch script, e.g. {@code vllm serve /models/qwen
 * --max-num-seqs 128 --kv-cache-dtype=fp8}. Knows only shell words, double and single quotes, and
 * {@code --flag value} / {@code --flag=value}; a flag followed by another flag is a switch. The
 * first word after {@code serve} is the positional model argument, as in {@code vllm serve}.
 */
final class LaunchFlags {
  private final Map<String, String> flags = new HashMap<>();
  private String positionalModel;

  private LaunchFlags() {}

  static LaunchFlags parse(String script) {
    LaunchFlags result = new LaunchFlags();
    List<String> words = words(script);
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      if (w.startsWith("--") && w.length() > 2) {
        int eq = w.indexOf('=');
        if (eq > 0) {
          result.flags.put(w.substring(2, eq), w.substring(eq + 1));
        } else if (i + 1 < words.size() && !words.get(i + 1).startsWith("-")) {
          result.flags.put(w.substring(2), words.get(++i));
        } else {
          result.flags.put(w.substring(2), "true");
        }
      } else if ("serve".equals(w) && i + 1 < words.size() && !words.get(i + 1).startsWith("-")) {
        result.positionalModel = words.get(++i);
      }
    }
    return result;
  }

  /** The value of the first of {@code names} present, with {@code _} and {@code -} equivalent. */
  Optional<String> get(String... names) {
    for (String name : names) {
      String v = flags.get(name);
      if (v == null) {
        v = flags.get(name.replace('-', '_'));
      }
      if (v != null) {
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }

  Optional<Integer> getInt(String... names) {
    return get(names).map(v -> number(names[0], v).intValue());
  }

  Optional<Double> getDouble(String... names) {
    return get(names).map(v -> number(names[0], v).doubleValue());
  }

  Optional<String> positionalModel() {
    return Optional.ofNullable(positionalModel);
  }

  private static Number number(String flag, String value) {
    try {
      return Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + flag + " needs a number, got '" + value + "'", e);
    }
  }

  /** Splits a script into shell words; {@code &&}, {@code ;} and newlines separate nothing here. */
  private static List<String> words(String script) {
    List<String> words = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    char quote = 0;
    boolean inWord = false;
    for (int i = 0; i < script.length(); i++) {
      char c = script.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          cur.append(c);
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
        inWord = true;
      } else if (Character.isWhitespace(c) || c == '\\') {
        if (inWord) {
          words.add(cur.toString());
          cur.setLength(0);
          inWord = false;
        }
      } else {
        cur.append(c);
        inWord = true;
      }
    }
    if (inWord) {
      words.add(cur.toString());
    }
    return words;
  }
}
