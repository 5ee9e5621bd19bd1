package dev.pailot.observability.engine;

import dev.pailot.observability.engine.internal.TextFormatParser;

/**
 * Reads Prometheus's text exposition format (version 0.0.4, what vLLM, SGLang and most exporters
 * serve on {@code /metrics}). No maintained Java library parses it (the Prometheus Java client only
 * writes it), so Pailot carries a small parser: {@code # HELP} and {@code # TYPE} lines, comments,
 * labels with escaped values, {@code NaN} and {@code +Inf}, timestamps, histogram and summary
 * series grouped into their family.
 *
 * <pre>{@code
 * Exposition exposition = PrometheusText.parse(body);
 * double running = exposition.sum("vllm:num_requests_running").orElse(0);
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class PrometheusText {
  /** The content type of the text format, as servers announce it. */
  public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private PrometheusText() {}

  /**
   * Parses an exposition.
   *
   * @param text the scraped body
   * @return the families and samples
   * @throws dev.pailot.core.error.PaiException naming the line when the text is malformed
   */
  public static Exposition parse(String text) {
    return TextFormatParser.parse(text);
  }

  /**
   * Parses a sample value or an {@code le} bound: a float, {@code NaN}, {@code +Inf} or {@code
   * -Inf}.
   *
   * @param text the value as written
   * @return the value
   * @throws NumberFormatException when it is not a value
   */
  public static double parseValue(String text) {
    return TextFormatParser.parseValue(text);
  }
}
