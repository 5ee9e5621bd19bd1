package dev.pailot.testkit.localpai;

import static dev.pailot.testkit.localpai.DlcCalls.env;
import static dev.pailot.testkit.localpai.DlcCalls.jobBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pailot.core.Pai;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where emulated storage lives, and who cleans it up. */
class LocalPaiDataDirectoryTest {
  @TempDir Path kept;

  @Test
  void storageUrisMapUnderTheDataDirectory() {
    try (LocalPai localPai = LocalPai.start()) {
      Path data = localPai.dataDirectory();
      assertThat(localPai.storagePath("oss://bucket/a/b/"))
          .isEqualTo(data.resolve("oss/bucket/a/b"));
      assertThat(localPai.storagePath("oss://bucket.oss-cn-shanghai-internal.aliyuncs.com/a"))
          .isEqualTo(data.resolve("oss/bucket/a"));
      assertThat(localPai.storagePath("oss://bucket")).isEqualTo(data.resolve("oss/bucket"));
      assertThat(localPai.storagePath("nas://0a1b2c.cn-shanghai/x/"))
          .isEqualTo(data.resolve("nas/0a1b2c/x"));
      for (String bad :
          new String[] {"oss://bucket/../../etc", "/mnt/data", "oss:///nobucket", "OSS://B/x"}) {
        assertThatThrownBy(() -> localPai.storagePath(bad))
            .as(bad)
            .isInstanceOf(IllegalArgumentException.class);
      }
    }
  }

  @Test
  void temporaryDataDirectoryIsDeletedOnClose() {
    Path data;
    try (LocalPai localPai = LocalPai.start(DlcCalls.options(LocalPaiDlcOptions.defaults()));
        Pai pai = Calls.client(localPai)) {
      data = localPai.dataDirectory();
      String id =
          DlcCalls.create(
              pai,
              env(
                  env(jobBody("tmp", 1), LocalPaiDlc.ENV_TOTAL_STEPS, 10),
                  LocalPaiDlc.ENV_CHECKPOINT_DIR,
                  "oss://b/tmp"));
      DlcCalls.awaitEnd(pai, id);
      assertThat(data.resolve("oss/b/tmp/step-10/_COMPLETE")).isRegularFile();
    }
    assertThat(data).doesNotExist();
  }

  @Test
  void givenDataDirectoryIsKept() {
    LocalPaiOptions options =
        LocalPaiOptions.builder().timeScale(Duration.ofMillis(10)).dataDirectory(kept).build();
    try (LocalPai localPai = LocalPai.start(options);
        Pai pai = Calls.client(localPai)) {
      assertThat(localPai.dataDirectory()).isEqualTo(kept.toAbsolutePath().normalize());
      String id =
          DlcCalls.create(
              pai,
              env(
                  env(jobBody("kept", 1), LocalPaiDlc.ENV_TOTAL_STEPS, 10),
                  LocalPaiDlc.ENV_CHECKPOINT_DIR,
                  "oss://b/kept"));
      DlcCalls.awaitEnd(pai, id);
    }
    assertThat(kept.resolve("oss/b/kept/step-10/_COMPLETE")).isRegularFile();
  }
}
