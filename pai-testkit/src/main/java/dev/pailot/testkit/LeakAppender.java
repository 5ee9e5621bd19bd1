package dev.pailot.testkit;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import org.slf4j.event.KeyValuePair;

/**
 * A Logback appender that checks every event for secrets as it arrives, keeping only what leaked
 * (never the events themselves). Thread-safe: events may come from any thread.
 */
final class LeakAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {
  private final SecretMatcher matcher;
  private final List<String> ignoredLoggers;
  private final BiConsumer<ILoggingEvent, String> onLeak;
  private final AtomicLong events = new AtomicLong();

  LeakAppender(
      SecretMatcher matcher,
      List<String> ignoredLoggers,
      BiConsumer<ILoggingEvent, String> onLeak) {
    this.matcher = matcher;
    this.ignoredLoggers = List.copyOf(ignoredLoggers);
    this.onLeak = onLeak;
    setName("pailot-secret-leak-guard");
  }

  static boolean matches(String loggerName, List<String> prefixes) {
    for (String p : prefixes) {
      if (loggerName.equals(p) || loggerName.startsWith(p + ".")) {
        return true;
      }
    }
    return false;
  }

  long events() {
    return events.get();
  }

  @Override
  protected void append(ILoggingEvent event) {
    if (matches(event.getLoggerName(), ignoredLoggers)) {
      return;
    }
    events.incrementAndGet();
    String secret = null;
    List<String> where = new ArrayList<>();
    for (Part part : parts(event)) {
      String found = matcher.find(part.text);
      if (found != null) {
        secret = secret == null ? found : secret;
        where.add(part.where);
      }
    }
    if (secret != null) {
      onLeak.accept(event, secret + " in " + String.join(", ", where));
    }
  }

  private static List<Part> parts(ILoggingEvent e) {
    List<Part> parts = new ArrayList<>();
    parts.add(new Part("message pattern", e.getMessage()));
    parts.add(new Part("formatted message", e.getFormattedMessage()));
    Object[] args = e.getArgumentArray();
    if (args != null) {
      for (int i = 0; i < args.length; i++) {
        parts.add(new Part("argument " + i, text(args[i])));
      }
    }
    if (e.getMDCPropertyMap() != null) {
      e.getMDCPropertyMap().forEach((k, v) -> parts.add(new Part("MDC " + k, k + "=" + v)));
    }
    List<KeyValuePair> kvs = e.getKeyValuePairs();
    if (kvs != null) {
      for (KeyValuePair kv : kvs) {
        parts.add(new Part("key-value " + kv.key, kv.key + "=" + text(kv.value)));
      }
    }
    for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
      parts.add(new Part("throwable", throwableText(t)));
    }
    return parts;
  }

  private static String throwableText(IThrowableProxy t) {
    StringBuilder sb = new StringBuilder(t.getClassName()).append(": ").append(t.getMessage());
    StackTraceElementProxy[] frames = t.getStackTraceElementProxyArray();
    if (frames != null) {
      for (StackTraceElementProxy f : frames) {
        sb.append('\n').append(f.getSTEAsString());
      }
    }
    IThrowableProxy[] suppressed = t.getSuppressed();
    if (suppressed != null) {
      for (IThrowableProxy s : suppressed) {
        sb.append("\nSuppressed: ").append(throwableText(s));
      }
    }
    return sb.toString();
  }

  static String text(Object o) {
    if (o instanceof Object[] array) {
      return Arrays.deepToString(array);
    }
    return String.valueOf(o);
  }

  private record Part(String where, String text) {}
}
