package dev.pailot.serving.release.gates;

/**
 * Scores an answer against the expected one, from {@code 0} (unrelated) to {@code 1} (as expected).
 * {@link Scorers} has exact, contains and similarity scorers; any function works. Implementations
 * must be thread-safe.
 */
@FunctionalInterface
public interface Scorer {
  /**
   * Scores one answer.
   *
   * @param expected the expected answer
   * @param actual the answer the model gave
   * @return a score from 0 to 1
   */
  double score(String expected, String actual);
}
