package dev.pailot.core.workspace.internal;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import dev.failsafe.RetryPolicyBuilder;
import dev.pailot.core.RetrySettings;
import dev.pailot.core.error.ConflictException;
import dev.pailot.core.error.PaiException;
import dev.pailot.core.error.ServiceUnavailableException;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes AIWorkspace creates safe to repeat although they carry no {@code ClientToken}.
 *
 * <p>A create that fails ambiguously (5xx or an I/O error: PAI may or may not have created the
 * resource) is never blindly re-sent. Before every further attempt, the resource is looked up by
 * name; if it exists, it is returned as created. A create answered with a conflict (the name
 * exists, e.g. another process created it) is answered by a lookup too. Attempts and backoff follow
 * the client's {@link RetrySettings}; the policy is built once and runs on Failsafe. Thread-safe.
 */
public final class CreateRecovery {
  private static final Logger LOG = LoggerFactory.getLogger(CreateRecovery.class);

  private final RetryPolicy<Object> policy;

  /**
   * Builds the recovery policy.
   *
   * @param settings the client's retry settings
   */
  public CreateRecovery(RetrySettings settings) {
    RetryPolicyBuilder<Object> b =
        RetryPolicy.builder()
            // Throttling was already retried by the pipeline; only ambiguous failures get here.
            .handleIf((r, e) -> e instanceof ServiceUnavailableException)
            .withMaxAttempts(settings.maxAttempts())
            .withMaxDuration(settings.maxDuration())
            .onRetryScheduled(
                e ->
                    LOG.debug(
                        "create failed ambiguously (attempt {}); looking up by name in {}",
                        e.getAttemptCount(),
                        e.getDelay()));
    if (settings.baseDelay().isZero()) {
      b.withDelay(settings.baseDelay());
    } else {
      b.withBackoff(settings.baseDelay(), settings.maxDelay());
    }
    this.policy = b.build();
  }

  /**
   * Creates a resource, recovering from ambiguous failures by looking it up by name.
   *
   * @param create sends the create once and returns the result
   * @param lookup finds the resource by name
   * @param <T> result type
   * @return the result, and whether it was created (rather than found after a conflict)
   * @throws PaiException when the create fails for another reason, or keeps failing ambiguously
   */
  public <T> Created<T> create(Supplier<T> create, Supplier<Optional<T>> lookup) {
    try {
      return Failsafe.with(policy)
          .get(
              ctx -> {
                boolean retry = ctx.getAttemptCount() > 0;
                if (retry) {
                  Optional<T> found = lookup.get();
                  if (found.isPresent()) {
                    return new Created<>(found.get(), true);
                  }
                }
                try {
                  return new Created<>(create.get(), true);
                } catch (ConflictException e) {
                  // On a retry, the conflicting resource is most likely our own first attempt.
                  return lookup.get().map(f -> new Created<>(f, retry)).orElseThrow(() -> e);
                }
              });
    } catch (FailsafeException e) {
      throw new PaiException("A create was interrupted; look the resource up by name", null, e);
    }
  }

  /**
   * The outcome of {@link #create(Supplier, Supplier)}.
   *
   * @param value the created or found resource
   * @param created {@code false} when a conflict showed that someone else created it
   * @param <T> result type
   */
  public record Created<T>(T value, boolean created) {}
}
