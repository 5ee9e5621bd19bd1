package dev.pailot.testkit.localpai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pailot.core.Pai;
import dev.pailot.core.workspace.DataSourceType;
import dev.pailot.core.workspace.DatasetProperty;
import dev.pailot.core.workspace.DatasetSpec;
import dev.pailot.core.workspace.WorkspaceClient;
import dev.pailot.core.workspace.WorkspaceDriftException;
import dev.pailot.core.workspace.WorkspaceSpec;
import dev.pailot.core.workspace.WorkspaceState;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Workspaces and datasets against LocalPai: get-or-create, idempotent re-ensure, drift. */
class WorkspaceOnLocalPaiTest {
  private LocalPai localPai;
  private Pai pai;
  private WorkspaceClient workspaces;

  @BeforeEach
  void start() {
    localPai = LocalPai.start(LocalPaiOptions.builder().timeScale(Duration.ofMillis(10)).build());
    pai = localPai.newClient();
    workspaces =
        WorkspaceClient.builder(pai)
            .pollDelays(Duration.ofMillis(5), Duration.ofMillis(50))
            .build();
  }

  @AfterEach
  void stop() {
    pai.close();
    localPai.close();
  }

  private static WorkspaceSpec spec(String uri) {
    return WorkspaceSpec.builder()
        .name("it_ws")
        .addDatasets(
            DatasetSpec.builder()
                .name("train")
                .dataSourceType(DataSourceType.OSS)
                .uri(uri)
                .property(DatasetProperty.DIRECTORY)
                .mountPath("/mnt/data/train/")
                .build())
        .build();
  }

  @Test
  void ensureCreatesOnceAndWaitsUntilEnabled() {
    WorkspaceState first =
        workspaces.ensure(spec("oss://bkt-data.oss-cn-shanghai.aliyuncs.com/train/"));
    assertThat(first.workspaceCreated()).isTrue();
    assertThat(first.workspace().status()).hasToString("ENABLED");
    assertThat(first.createdDatasets()).containsExactly("train");

    localPai.requests().clear();
    WorkspaceState second =
        workspaces.ensure(spec("oss://bkt-data.oss-cn-shanghai.aliyuncs.com/train/"));
    assertThat(second.changed()).isFalse();
    assertThat(second.workspace().id()).isEqualTo(first.workspace().id());
    assertThat(localPai.requests().all()).noneMatch(r -> r.action().startsWith("Create"));
    assertThat(workspaces.datasets(first.workspace().id())).hasSize(1);
  }

  @Test
  void aDatasetPointingElsewhereIsDriftNotAnOverwrite() {
    workspaces.ensure(spec("oss://bkt-data.oss-cn-shanghai.aliyuncs.com/train/"));
    assertThatThrownBy(
            () -> workspaces.ensure(spec("oss://bkt-data.oss-cn-shanghai.aliyuncs.com/v2/")))
        .isInstanceOf(WorkspaceDriftException.class)
        .hasMessageContaining("train");
    String id = workspaces.findByName("it_ws").orElseThrow().id();
    assertThat(workspaces.datasets(id))
        .singleElement()
        .satisfies(d -> assertThat(d.uri()).endsWith("/train/"));
  }
}
