package dev.pailot.serving.client.internal;

/** The client's operations: metric tag {@code operation} and the action in error details. */
public enum Operation {
  /** {@code POST /v1/chat/completions}. */
  CHAT("chat.completions", "chat/completions"),
  /** {@code POST /v1/completions}. */
  COMPLETION("completions", "completions"),
  /** {@code POST /v1/embeddings}. */
  EMBEDDINGS("embeddings", "embeddings"),
  /** {@code POST /v1/rerank}. */
  RERANK("rerank", "rerank"),
  /** {@code POST {endpoint}}. */
  PREDICT("predict", "");

  private final String tag;
  private final String route;

  Operation(String tag, String route) {
    this.tag = tag;
    this.route = route;
  }

  /**
   * The metric tag and error-details action, e.g. {@code chat.completions}.
   *
   * @return the tag
   */
  public String tag() {
    return tag;
  }

  /**
   * The OpenAI route below {@code /v1}, empty for predict.
   *
   * @return the route
   */
  public String route() {
    return route;
  }
}
