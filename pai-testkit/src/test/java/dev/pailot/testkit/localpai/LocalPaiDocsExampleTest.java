package dev.pailot.testkit.localpai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pailot.core.Pai;
import dev.pailot.core.Product;
import dev.pailot.core.workspace.WorkspaceClient;
import dev.pailot.core.workspace.WorkspaceSpec;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The example of docs/localpai.md, run by the build. */
class LocalPaiDocsExampleTest {
  @Test
  void embeddedLocalPai() {
    // tag::embedded[]
    LocalPaiOptions options =
        LocalPaiOptions.builder()
            .timeScale(Duration.ofMillis(10)) // one emulated minute lasts 10 ms
            .randomSeed(7) // fault ratios are reproducible
            .build();
    try (LocalPai localPai = LocalPai.start(options);
        Pai pai = localPai.newClient()) { // endpoint, region and test AccessKey preset
      localPai
          .faults()
          .failNext(Product.AIWORKSPACE, "ListWorkspaces", LocalPaiFaults.Fault.THROTTLING, 2);

      WorkspaceClient.create(pai).ensure(WorkspaceSpec.builder().name("docs_ws").build());

      int lists =
          localPai.requests().count(Product.AIWORKSPACE, "ListWorkspaces"); // 3: two throttled
      // end::embedded[]
      assertThat(lists).isEqualTo(3);
      assertThat(localPai.requests().count(Product.AIWORKSPACE, "CreateWorkspace")).isEqualTo(1);
    }
  }
}
