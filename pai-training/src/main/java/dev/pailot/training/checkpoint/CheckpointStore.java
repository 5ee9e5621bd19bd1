package dev.pailot.training.checkpoint;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Where a training job's checkpoints are, read-only: which checkpoints exist and which is the
 * newest complete one. A spot run reads it before every attempt, to tell the attempt which step to
 * resume from, and while an attempt runs, to report checkpoints as they complete.
 *
 * <p>Implementations are thread-safe. A store built around a client it created closes that client
 * in {@link #close()}; one handed a caller's client leaves it open. A spot run never closes the
 * store it is given: the caller does.
 */
public interface CheckpointStore extends AutoCloseable {
  /**
   * The location read, for messages, e.g. {@code oss://bucket/ckpt/run-1/}.
   *
   * @return location
   */
  String location();

  /**
   * Every checkpoint directory of the layout, complete or not, ascending by step. An empty or
   * missing location has none.
   *
   * @return checkpoints
   * @throws CheckpointStoreException if the location cannot be read
   */
  List<Checkpoint> list();

  /**
   * The newest complete checkpoint; incomplete ones (no marker) are skipped.
   *
   * @return the newest complete checkpoint, or empty if there is none
   * @throws CheckpointStoreException if the location cannot be read
   */
  default Optional<Checkpoint> newestComplete() {
    return list().stream()
        .filter(Checkpoint::complete)
        .max(Comparator.comparingLong(Checkpoint::step));
  }

  /** Releases what the store owns. The default does nothing. */
  @Override
  default void close() {}
}
