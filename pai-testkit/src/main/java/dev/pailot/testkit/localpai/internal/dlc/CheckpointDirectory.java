package dev.pailot.testkit.localpai.internal.dlc;

import dev.pailot.testkit.localpai.LocalPaiDlc;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checkpoint layout of the simulated training script, in a real directory: checkpoint {@code N}
 * is the sub-directory {@code step-N/} holding the payload {@value #PAYLOAD} and, written last, the
 * completion marker {@value #MARKER}. A directory without the marker is incomplete (the writer died
 * mid-save) and must not be resumed from. Used only on the simulator's thread.
 */
final class CheckpointDirectory {
  static final String PAYLOAD = LocalPaiDlc.CHECKPOINT_PAYLOAD;
  static final String MARKER = LocalPaiDlc.CHECKPOINT_MARKER;

  private static final Pattern STEP_DIR = Pattern.compile("step-(\\d{1,18})");

  private final Path root;

  CheckpointDirectory(Path root) {
    this.root = root;
  }

  /**
   * What the directory holds.
   *
   * @param complete steps with payload and marker
   * @param incomplete steps whose directory lacks the marker
   */
  record Contents(SortedSet<Long> complete, SortedSet<Long> incomplete) {}

  /** Lists the checkpoints; a missing directory holds none. */
  Contents scan() throws IOException {
    SortedSet<Long> complete = new TreeSet<>();
    SortedSet<Long> incomplete = new TreeSet<>();
    if (!Files.isDirectory(root)) {
      return new Contents(complete, incomplete);
    }
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root, Files::isDirectory)) {
      for (Path dir : dirs) {
        Matcher m = STEP_DIR.matcher(dir.getFileName().toString());
        if (m.matches()) {
          long step = Long.parseLong(m.group(1));
          (Files.isRegularFile(dir.resolve(MARKER)) ? complete : incomplete).add(step);
        }
      }
    }
    return new Contents(complete, incomplete);
  }

  /** Saves checkpoint {@code step}: any old marker removed, payload written, marker last. */
  void write(long step, String payload) throws IOException {
    Path dir = Files.createDirectories(root.resolve(LocalPaiDlc.checkpointDirectoryName(step)));
    Files.deleteIfExists(dir.resolve(MARKER));
    Files.writeString(dir.resolve(PAYLOAD), payload, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve(MARKER), "step " + step + "\n", StandardCharsets.UTF_8);
  }

  /** What a save interrupted by a reclaimed instance leaves: half the payload, no marker. */
  void writeHalf(long step, String payload) throws IOException {
    Path dir = Files.createDirectories(root.resolve(LocalPaiDlc.checkpointDirectoryName(step)));
    Files.deleteIfExists(dir.resolve(MARKER));
    byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
    Files.write(dir.resolve(PAYLOAD), Arrays.copyOf(bytes, bytes.length / 2));
  }
}
