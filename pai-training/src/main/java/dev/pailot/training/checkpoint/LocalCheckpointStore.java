package dev.pailot.training.checkpoint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * A checkpoint store on a local (or locally mounted) directory: checkpoint {@code N} is {@code
 * <directory>/step-N/}, complete once {@code step-N/_COMPLETE} exists. With LocalPai, pass {@code
 * localPai.storagePath(checkpointUri)}, the directory that stands for the job's {@code oss://}
 * checkpoint location.
 *
 * <pre>{@code
 * CheckpointStore store = LocalCheckpointStore.of(localPai.storagePath(spec.checkpoint().get().uri()));
 * }</pre>
 *
 * <p>Thread-safe; holds nothing to close. Each call lists the directory afresh.
 */
public final class LocalCheckpointStore implements CheckpointStore {
  private final Path directory;
  private final CheckpointLayout layout;

  private LocalCheckpointStore(Path directory, CheckpointLayout layout) {
    this.directory = Objects.requireNonNull(directory, "directory");
    this.layout = Objects.requireNonNull(layout, "layout");
  }

  /**
   * A store on a directory with the default layout ({@code step-N/_COMPLETE}). The directory need
   * not exist yet: until it does, the store has no checkpoints.
   *
   * @param directory the checkpoint directory
   * @return the store
   */
  public static LocalCheckpointStore of(Path directory) {
    return new LocalCheckpointStore(directory, CheckpointLayout.defaults());
  }

  /**
   * A store on a directory with a layout of your own.
   *
   * @param directory the checkpoint directory
   * @param layout directory prefix and marker name
   * @return the store
   */
  public static LocalCheckpointStore of(Path directory, CheckpointLayout layout) {
    return new LocalCheckpointStore(directory, layout);
  }

  @Override
  public String location() {
    return directory.toString();
  }

  /**
   * {@inheritDoc}
   *
   * @throws CheckpointStoreException if the directory exists but cannot be listed
   */
  @Override
  public List<Checkpoint> list() {
    List<Checkpoint> out = new ArrayList<>();
    try (Stream<Path> entries = Files.list(directory)) {
      for (Path entry : (Iterable<Path>) entries::iterator) {
        OptionalLong step = layout.stepOf(entry.getFileName().toString());
        if (step.isPresent() && Files.isDirectory(entry)) {
          out.add(checkpoint(entry, step.getAsLong()));
        }
      }
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException e) {
      throw new CheckpointStoreException(
          "Cannot list checkpoint directory "
              + directory
              + " ("
              + e.getClass().getSimpleName()
              + "). Check that it exists and is readable.",
          e);
    }
    out.sort(Comparator.comparingLong(Checkpoint::step));
    return out;
  }

  private Checkpoint checkpoint(Path dir, long step) throws IOException {
    Path marker = dir.resolve(layout.marker());
    Checkpoint.Builder b =
        Checkpoint.builder()
            .step(step)
            .location(dir.toString() + dir.getFileSystem().getSeparator());
    if (Files.isRegularFile(marker)) {
      try {
        b.complete(true).completedAt(Files.getLastModifiedTime(marker).toInstant());
      } catch (NoSuchFileException e) {
        b.complete(false); // removed between the two calls
      }
    } else {
      b.complete(false);
    }
    return b.build();
  }

  @Override
  public String toString() {
    return "LocalCheckpointStore{" + directory + "}";
  }
}
