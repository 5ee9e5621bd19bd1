package dev.pailot.training;

import java.util.concurrent.CompletableFuture;

/**
 * A running {@link DlcClient#followLogs log follow}: polls {@code GetPodLogs} on the client's
 * scheduler until closed.
 *
 * <p>The caller owns it and must {@link #close()} it (try-with-resources); closing the {@link
 * DlcClient} closes it too. Thread-safe.
 */
public interface LogSubscription extends AutoCloseable {
  /**
   * Whether polling continues: not closed and not stopped by an error.
   *
   * @return {@code true} while following
   */
  boolean isActive();

  /**
   * Completes normally when the subscription is closed, or exceptionally with the {@link
   * dev.pailot.core.error.PaiException} that stopped it (e.g. the job or pod does not exist) or the
   * exception the line consumer threw. Transient failures (throttling, 5xx after the pipeline's
   * retries) do not stop it: the next poll asks again.
   *
   * @return completion
   */
  CompletableFuture<Void> completion();

  /**
   * Stops polling. Idempotent. Once it returns, the line consumer is not called again (unless
   * {@code close} is called from the consumer itself, which then finishes its current line). Does
   * not throw.
   */
  @Override
  void close();
}
