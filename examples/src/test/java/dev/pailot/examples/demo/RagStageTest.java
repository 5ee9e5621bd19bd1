package dev.pailot.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pailot.core.Pai;
import dev.pailot.rag.budget.Stage;
import dev.pailot.rag.budget.StageReport;
import dev.pailot.rag.pipeline.RagAnswer;
import dev.pailot.testkit.localpai.LocalPai;
import dev.pailot.testkit.localpai.LocalPaiOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RagStageTest {
  @Test
  void answersFromTheDocsWithCitationsAndStageTimings() {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try (LocalPai localPai =
            LocalPai.start(LocalPaiOptions.builder().timeScale(Duration.ofMillis(10)).build());
        Pai pai = localPai.newClient()) {
      RagStage.Result result =
          new RagStage(
                  pai,
                  localPai,
                  RagStage.defaultDocs(),
                  new PrintStream(buffer, true, StandardCharsets.UTF_8))
              .run();
      String out = buffer.toString(StandardCharsets.UTF_8);

      assertThat(result.ingest().added()).isEqualTo(RagStage.PAGES.size());
      assertThat(result.ingest().chunks()).isGreaterThan(RagStage.PAGES.size());
      assertThat(result.answers()).hasSize(RagStage.QUESTIONS.size());
      RagAnswer okhttp = result.answers().get(0);
      assertThat(okhttp.text()).isNotBlank();
      assertThat(okhttp.citations()).isNotEmpty();
      // The OkHttp question is answered by the client page, which documents the dispatcher.
      assertThat(okhttp.citations())
          .anySatisfy(c -> assertThat(c.documentId()).isEqualTo("client.md"));
      RagAnswer engine = result.answers().get(1);
      assertThat(engine.citations())
          .anySatisfy(c -> assertThat(c.documentId()).isEqualTo("localpai.md"));
      assertThat(okhttp.stages()).extracting(StageReport::stage).containsExactly(Stage.values());
      assertThat(out)
          .contains("+ EAS service demo_chat Running")
          .contains("[1] ")
          .contains("rerank ");
    }
  }
}
