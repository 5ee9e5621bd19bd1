package dev.pailot.testkit;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * Fails a test when a secret reaches the logs. For the duration of each test it lowers every
 * Logback logger to {@code DEBUG} (or the level given to {@link #level}), attaches an appender to
 * the root logger, and checks each event's message pattern, formatted message, arguments, MDC,
 * key-value pairs and throwable chain (messages and stack frames) for every guarded secret, raw or
 * URL-encoded. After the test it restores the levels and fails if anything leaked.
 *
 * <pre>{@code
 * @RegisterExtension
 * final SecretLeakGuard guard = SecretLeakGuard.create().secret("my-extra-token");
 * }</pre>
 *
 * <p>Guards {@link TestCredentials#ACCESS_KEY_SECRET}, {@link
 * TestCredentials#STS_ACCESS_KEY_SECRET} and {@link TestCredentials#STS_SECURITY_TOKEN} by default.
 * The mock server's own loggers ({@link #SERVER_LOGGERS}) are left at their level and not checked,
 * since the server legitimately receives an STS token; {@link #checkAllLoggers()} includes them.
 * Also usable directly: {@link #assertNoSecretIn(String, Object)} checks a {@code toString} or an
 * exception's full text. Failure messages name the secret by number and length, never its value.
 *
 * <p>Needs SLF4J bound to Logback. The levels are global, so tests using a guard must not run
 * concurrently with each other. Registering secrets is thread-safe; events from any thread are
 * captured. Lower the threshold of your own console appender (e.g. an INFO {@code ThresholdFilter})
 * to keep DEBUG output off the console while the guard is active.
 */
public final class SecretLeakGuard implements BeforeEachCallback, AfterEachCallback {
  /**
   * Loggers of the mock server itself (Jetty, WireMock), ignored by default: the server is the
   * legitimate recipient of an STS token sent in a header, and logs it at DEBUG.
   */
  public static final List<String> SERVER_LOGGERS =
      List.of("org.eclipse.jetty", "WireMock", "com.github.tomakehurst.wiremock", "wiremock");

  private final SecretMatcher matcher = new SecretMatcher();
  private final List<String> violations = new CopyOnWriteArrayList<>();
  private final Map<Logger, Level> savedLevels = new HashMap<>();
  private final List<String> ignoredLoggers = new CopyOnWriteArrayList<>(SERVER_LOGGERS);
  private Level level = Level.DEBUG;
  private LeakAppender appender;
  private long capturedBeforeStop;

  /**
   * A guard for the default test secrets; also the constructor JUnit uses for
   * {@code @ExtendWith(SecretLeakGuard.class)}.
   */
  public SecretLeakGuard() {
    matcher.add(TestCredentials.ACCESS_KEY_SECRET);
    matcher.add(TestCredentials.STS_ACCESS_KEY_SECRET);
    matcher.add(TestCredentials.STS_SECURITY_TOKEN);
  }

  /**
   * A guard for the default test secrets.
   *
   * @return a new guard
   */
  public static SecretLeakGuard create() {
    return new SecretLeakGuard();
  }

  /**
   * Also guards {@code secret}. May be called during a test.
   *
   * @param secret at least 6 characters
   * @return this guard
   * @throws IllegalArgumentException if shorter
   */
  public SecretLeakGuard secret(String secret) {
    matcher.add(secret);
    return this;
  }

  /**
   * Also ignores these loggers and their children: their events are neither lowered to DEBUG nor
   * checked. Call before the test starts.
   *
   * @param prefixes logger names, e.g. {@code com.example.mockserver}
   * @return this guard
   */
  public SecretLeakGuard ignoreLoggers(String... prefixes) {
    ignoredLoggers.addAll(List.of(prefixes));
    return this;
  }

  /**
   * Checks every logger, including the mock server's ({@link #SERVER_LOGGERS}). Call before the
   * test starts.
   *
   * @return this guard
   */
  public SecretLeakGuard checkAllLoggers() {
    ignoredLoggers.clear();
    return this;
  }

  /**
   * The level every logger is lowered to while capturing: {@code "TRACE"} or {@code "DEBUG"}
   * (default).
   *
   * @param name a Logback level name
   * @return this guard
   */
  public SecretLeakGuard level(String name) {
    this.level = Level.toLevel(name, Level.DEBUG);
    return this;
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    start();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    stop();
    assertNoLeaks();
  }

  /**
   * Starts capturing: lowers the levels and attaches the appender. Called before each test by
   * JUnit; call it yourself when using the guard outside JUnit.
   *
   * @throws IllegalStateException if SLF4J is not bound to Logback or capture already started
   */
  public synchronized void start() {
    if (appender != null) {
      throw new IllegalStateException("SecretLeakGuard is already capturing");
    }
    LoggerContext context = loggerContext();
    violations.clear();
    capturedBeforeStop = 0;
    for (String name : ignoredLoggers) {
      // Pin ignored loggers at their current level so that lowering the root leaves them quiet.
      Logger ignored = context.getLogger(name);
      savedLevels.putIfAbsent(ignored, ignored.getLevel());
      ignored.setLevel(ignored.getEffectiveLevel());
    }
    for (Logger logger : context.getLoggerList()) {
      Level own = logger.getLevel();
      boolean ignored = LeakAppender.matches(logger.getName(), ignoredLoggers);
      if (!ignored && own != null && own.toInt() > level.toInt()) {
        savedLevels.put(logger, own);
        logger.setLevel(level);
      }
    }
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    savedLevels.putIfAbsent(root, root.getLevel());
    root.setLevel(level);
    appender = new LeakAppender(matcher, ignoredLoggers, this::record);
    appender.setContext(context);
    appender.start();
    root.addAppender(appender);
  }

  /**
   * Stops capturing and restores the levels. Leaks found so far stay in {@link #violations()}. Safe
   * to call when not capturing.
   */
  public synchronized void stop() {
    if (appender == null) {
      return;
    }
    Logger root = loggerContext().getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.detachAppender(appender);
    appender.stop();
    savedLevels.forEach(Logger::setLevel);
    savedLevels.clear();
    capturedBeforeStop = appender.events();
    appender = null;
  }

  /**
   * How many log events were captured since {@link #start()}: lets a test prove that logging really
   * happened while it was guarded.
   *
   * @return event count
   */
  public synchronized long capturedEvents() {
    return appender == null ? capturedBeforeStop : appender.events();
  }

  /**
   * The leaks found since {@link #start()}: level, logger, which secret and where, never the secret
   * itself.
   *
   * @return descriptions
   */
  public List<String> violations() {
    return List.copyOf(violations);
  }

  /**
   * Fails if any secret was logged since {@link #start()}.
   *
   * @throws AssertionError listing the leaks
   */
  public void assertNoLeaks() {
    if (!violations.isEmpty()) {
      throw new AssertionError(
          "A guarded secret reached the logs " + violations.size() + " time(s): " + violations);
    }
  }

  /**
   * Fails if a guarded secret appears in {@code value}'s text: its {@code toString}, and for a
   * throwable also its message and full stack trace with causes and suppressed exceptions.
   *
   * @param what what is checked, for the failure message, e.g. {@code "Pai.toString()"}
   * @param value the value
   * @throws AssertionError if a secret is found
   */
  public void assertNoSecretIn(String what, Object value) {
    List<String> texts = new ArrayList<>();
    texts.add(LeakAppender.text(value));
    if (value instanceof Throwable t) {
      StringWriter out = new StringWriter();
      t.printStackTrace(new PrintWriter(out));
      texts.add(out.toString());
    }
    for (String text : texts) {
      String found = matcher.find(text);
      if (found != null) {
        throw new AssertionError(found + " appears in " + what);
      }
    }
  }

  private void record(ILoggingEvent event, String where) {
    if (violations.size() < 100) {
      violations.add(event.getLevel() + " " + event.getLoggerName() + ": " + where);
    }
  }

  private static LoggerContext loggerContext() {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
      return context;
    }
    throw new IllegalStateException(
        "SecretLeakGuard needs SLF4J bound to Logback (ch.qos.logback:logback-classic), found "
            + LoggerFactory.getILoggerFactory().getClass().getName());
  }
}
