package dev.pailot.serving.client.internal.admission;

/**
 * Why {@link AdmissionController#acquire} refused: turned into the public exception, with the
 * request's context, by the caller. Carries no stack trace: it is an expected outcome under load.
 */
public final class AdmissionDenial extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The kinds of refusal. */
  public enum Kind {
    /** The limit was reached and the queue was full. */
    QUEUE_FULL,
    /** The deadline passed while the request was queued. */
    DEADLINE,
    /** The expected wait in the queue would end after the request's deadline. */
    EXPECTED_WAIT,
    /** The controller was closed. */
    CLOSED
  }

  private final Kind kind;
  private final int limit;
  private final int queued;

  /**
   * Creates the denial.
   *
   * @param kind why
   * @param limit the concurrency limit at the time
   * @param queued requests queued at the time
   */
  public AdmissionDenial(Kind kind, int limit, int queued) {
    super(kind.name(), null, false, false);
    this.kind = kind;
    this.limit = limit;
    this.queued = queued;
  }

  /**
   * Why.
   *
   * @return the kind
   */
  public Kind kind() {
    return kind;
  }

  /**
   * The concurrency limit at the time.
   *
   * @return the limit
   */
  public int limit() {
    return limit;
  }

  /**
   * Requests queued at the time.
   *
   * @return queued count
   */
  public int queued() {
    return queued;
  }
}
