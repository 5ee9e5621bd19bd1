package dev.pailot.training.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pailot.core.error.ValidationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local directory store and the checkpoint layout. */
class LocalCheckpointStoreTest {
  @TempDir Path dir;

  private void checkpoint(String name, boolean complete) throws IOException {
    Path d = Files.createDirectories(dir.resolve(name));
    Files.writeString(d.resolve("checkpoint.json"), "{}");
    if (complete) {
      Files.writeString(d.resolve("_COMPLETE"), "");
    }
  }

  @Test
  void theNewestCompleteCheckpointSkipsAHalfWrittenOne() throws IOException {
    checkpoint("step-10", true);
    checkpoint("step-20", true);
    checkpoint("step-30", false);
    checkpoint("tmp", true);
    Files.writeString(dir.resolve("step-40"), "a file, not a checkpoint");
    LocalCheckpointStore store = LocalCheckpointStore.of(dir);

    Checkpoint newest = store.newestComplete().orElseThrow();

    assertThat(newest.step()).isEqualTo(20);
    assertThat(newest.completedAt()).isPresent();
    assertThat(newest.location()).endsWith("step-20/");
    assertThat(store.list())
        .extracting(Checkpoint::step, Checkpoint::complete)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(10L, true),
            org.assertj.core.groups.Tuple.tuple(20L, true),
            org.assertj.core.groups.Tuple.tuple(30L, false));
  }

  @Test
  void stepsSortNumericallyNotAlphabetically() throws IOException {
    checkpoint("step-9", true);
    checkpoint("step-100", true);
    checkpoint("step-20", true);

    assertThat(LocalCheckpointStore.of(dir).newestComplete().orElseThrow().step()).isEqualTo(100);
  }

  @Test
  void aMissingDirectoryHasNoCheckpoints() {
    LocalCheckpointStore store = LocalCheckpointStore.of(dir.resolve("not-yet"));

    assertThat(store.list()).isEmpty();
    assertThat(store.newestComplete()).isEmpty();
  }

  @Test
  void aLayoutOfYourOwn() throws IOException {
    Path d = Files.createDirectories(dir.resolve("ckpt_7"));
    Files.writeString(d.resolve("DONE"), "");
    checkpoint("step-8", true);
    CheckpointLayout layout =
        CheckpointLayout.builder().directoryPrefix("ckpt_").marker("DONE").build();

    assertThat(LocalCheckpointStore.of(dir, layout).newestComplete().orElseThrow().step())
        .isEqualTo(7);
    assertThat(layout.directoryName(7)).isEqualTo("ckpt_7");
    assertThat(layout.stepOf("ckpt_x")).isEmpty();
    assertThat(CheckpointLayout.defaults().stepOf("step-")).isEmpty();
    assertThatThrownBy(() -> CheckpointLayout.builder().marker("a/b").build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("marker");
  }
}
