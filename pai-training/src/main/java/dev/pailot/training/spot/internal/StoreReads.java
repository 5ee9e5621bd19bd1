package dev.pailot.training.spot.internal;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import dev.pailot.training.checkpoint.Checkpoint;
import dev.pailot.training.checkpoint.CheckpointStore;
import dev.pailot.training.checkpoint.CheckpointStoreException;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a checkpoint store for a run: before an attempt with retries (Failsafe: 4 tries, backoff
 * from 250 ms to 4 s), since the resume step must be right; while an attempt runs and after it,
 * once, taking a failure as "nothing new". Thread-safe.
 */
final class StoreReads {
  private static final Logger LOG = LoggerFactory.getLogger(StoreReads.class);

  private final CheckpointStore store;
  private final RetryPolicy<Optional<Checkpoint>> retry =
      RetryPolicy.<Optional<Checkpoint>>builder()
          .handle(CheckpointStoreException.class)
          .withBackoff(Duration.ofMillis(250), Duration.ofSeconds(4))
          .withMaxAttempts(4)
          .build();

  StoreReads(CheckpointStore store) {
    this.store = store;
  }

  /** The newest complete checkpoint; throws {@link CheckpointStoreException} after the retries. */
  Optional<Checkpoint> newestComplete() {
    try {
      return Failsafe.with(retry).get(store::newestComplete);
    } catch (FailsafeException e) {
      throw new CheckpointStoreException(
          "Reading checkpoint store " + store.location() + " was interrupted", e.getCause());
    }
  }

  /** The newest complete checkpoint, or empty if the store cannot be read now. */
  Optional<Checkpoint> newestOrEmpty() {
    try {
      return store.newestComplete();
    } catch (RuntimeException e) {
      LOG.debug("checkpoint store {} could not be read; ignored", store.location(), e);
      return Optional.empty();
    }
  }

  String location() {
    return store.location();
  }
}
