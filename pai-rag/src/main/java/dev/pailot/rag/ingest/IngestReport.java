package dev.pailot.rag.ingest;

import dev.pailot.core.internal.PailotStyle;
import java.time.Duration;
import org.immutables.value.Value;

/** What one ingestion did. Immutable and thread-safe. */
@Value.Immutable
@PailotStyle
public abstract class IngestReport {
  /**
   * Documents seen for the first time.
   *
   * @return added
   */
  public abstract int added();

  /**
   * Documents whose content changed: their old chunks were replaced.
   *
   * @return replaced
   */
  public abstract int replaced();

  /**
   * Documents unchanged since they were ingested: no work done.
   *
   * @return unchanged
   */
  public abstract int unchanged();

  /**
   * Chunks embedded and written.
   *
   * @return chunks
   */
  public abstract int chunks();

  /**
   * Tokens embedded, by the embedder's token counter.
   *
   * @return tokens
   */
  public abstract long tokens();

  /**
   * Wall time.
   *
   * @return elapsed
   */
  public abstract Duration elapsed();

  /**
   * A new builder.
   *
   * @return builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link IngestReport}. Not thread-safe. */
  public static final class Builder extends ImmutableIngestReport.Builder {
    Builder() {}
  }
}
