package dev.pailot.testkit.localpai.internal.emulation;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps LocalPai's stores in a directory so that a restarted LocalPai keeps its resources: restores
 * every store at start, then saves each store that changed every {@code interval} on a daemon
 * thread and once more on close. Each store is one file, {@code <storeName>.json}, replaced
 * atomically.
 */
public final class StateDirectory implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StateDirectory.class);

  private final Path directory;
  private final List<PersistentStore> stores;
  private final Map<String, String> lastSaved = new HashMap<>();
  private final ScheduledExecutorService saver;

  private StateDirectory(Path directory, List<PersistentStore> stores, long intervalMillis) {
    this.directory = directory;
    this.stores = List.copyOf(stores);
    this.saver =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "localpai-state-saver");
              t.setDaemon(true);
              return t;
            });
    saver.scheduleWithFixedDelay(
        this::saveQuietly, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
  }

  /**
   * Restores the stores from {@code directory} (created if absent) and starts saving them.
   *
   * @param directory the state directory
   * @param stores the stores to keep
   * @param intervalMillis how often changed stores are written
   * @return the running saver; close it to write a last time and stop
   */
  public static StateDirectory open(
      Path directory, List<PersistentStore> stores, long intervalMillis) {
    try {
      Files.createDirectories(directory);
      for (PersistentStore store : stores) {
        Path file = directory.resolve(store.storeName() + ".json");
        if (Files.exists(file)) {
          store.restore(StateJson.mapper().readTree(file.toFile()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot restore LocalPai state from " + directory, e);
    }
    return new StateDirectory(directory, stores, intervalMillis);
  }

  /** Writes every store whose snapshot changed since the last write. */
  public synchronized void save() {
    for (PersistentStore store : stores) {
      JsonNode snapshot = store.snapshot();
      String text = snapshot.toPrettyString();
      if (text.equals(lastSaved.get(store.storeName()))) {
        continue;
      }
      Path file = directory.resolve(store.storeName() + ".json");
      Path tmp = directory.resolve(store.storeName() + ".json.tmp");
      try {
        Files.writeString(tmp, text);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot save LocalPai state to " + file, e);
      }
      lastSaved.put(store.storeName(), text);
    }
  }

  private void saveQuietly() {
    try {
      save();
    } catch (RuntimeException e) {
      LOG.warn("LocalPai could not save its state: {}", e.getMessage());
    }
  }

  @Override
  public void close() {
    saver.shutdownNow();
    save();
  }
}
