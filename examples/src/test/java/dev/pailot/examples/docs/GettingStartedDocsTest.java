package dev.pailot.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pailot.core.EndpointNetwork;
import dev.pailot.core.Pai;
import dev.pailot.core.PaiCredentials;
import dev.pailot.core.RetrySettings;
import dev.pailot.core.error.PaiException;
import dev.pailot.core.error.ResourceNotFoundException;
import dev.pailot.core.event.PaiListener;
import dev.pailot.core.event.ProgressEvent;
import dev.pailot.core.event.RetryEvent;
import dev.pailot.core.workspace.Workspace;
import dev.pailot.core.workspace.WorkspaceClient;
import dev.pailot.core.workspace.WorkspaceSpec;
import dev.pailot.testkit.localpai.LocalPai;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The snippets of docs/getting-started.md, run against LocalPai. */
class GettingStartedDocsTest {
  private LocalPai localPai;

  @BeforeEach
  void start() {
    localPai = LocalPai.start();
  }

  @AfterEach
  void stop() {
    localPai.close();
  }

  @Test
  void configuration() {
    URI localPaiEndpoint = localPai.endpoint();
    PaiCredentials credentials = localPai.credentials();
    SimpleMeterRegistry meterRegistry = new SimpleMeterRegistry();
    // tag::configure[]
    Pai pai =
        Pai.builder()
            .region("cn-shanghai") // required
            .credentials(credentials) // default: PaiCredentials.defaultChain()
            .network(EndpointNetwork.PUBLIC) // or VPC: pai-dlc-vpc.cn-shanghai.aliyuncs.com, ...
            .endpointOverride(localPaiEndpoint) // LocalPai or WireMock; http allowed here only
            .connectTimeout(Duration.ofSeconds(5))
            .readTimeout(Duration.ofSeconds(30))
            .retry(
                RetrySettings.builder().maxAttempts(5).maxDuration(Duration.ofMinutes(2)).build())
            .meterRegistry(meterRegistry) // pai.control.plane.calls{product,action,outcome}
            .userAgent("my-portal/1.2")
            .build();
    // end::configure[]
    try (pai) {
      WorkspaceClient.create(pai).list().stream().count();
      assertThat(meterRegistry.find("pai.control.plane.calls").timer()).isNotNull();
      assertThat(pai.toString()).doesNotContain(localPai.options().accessKeySecret());
    }
  }

  @Test
  void errorsAndPaging() {
    try (Pai pai = localPai.newClient()) {
      WorkspaceClient workspaces = WorkspaceClient.create(pai);
      workspaces.ensure(WorkspaceSpec.builder().name("llm_dev").build());
      List<String> seen = new ArrayList<>();
      // tag::errors[]
      try {
        workspaces.get("4040404");
      } catch (ResourceNotFoundException e) {
        // e.errorCode() = "100400008", e.httpStatus() = 404, e.requestId() for support tickets
        seen.add(e.errorCode().orElse("") + " " + e.requestId().isPresent());
      } catch (PaiException e) {
        // every Pailot failure: e.retryable(), e.numAttempts(), e.recommend()
        throw e;
      }
      // end::errors[]
      // tag::paging[]
      Optional<Workspace> first = workspaces.list().stream().findFirst(); // one call, not all pages
      for (Workspace w : workspaces.list()) { // pages fetched as iteration reaches them
        seen.add(w.name());
      }
      // end::paging[]
      assertThat(first).isPresent();
      assertThat(seen).containsExactly("100400008 true", "llm_dev");
    }
  }

  @Test
  void events() {
    List<String> lines = new ArrayList<>();
    // tag::listener[]
    PaiListener listener =
        new PaiListener() {
          @Override
          public void onProgress(ProgressEvent event) { // provisioning, waiting, ...
            lines.add(event.operation() + " " + event.phase() + " " + event.message());
          }

          @Override
          public void onRetryScheduled(RetryEvent event) { // throttling, transient failures
            lines.add("retry " + event.action() + " in " + event.delay().toMillis() + " ms");
          }
        };
    // end::listener[]
    localPai
        .faults()
        .failNext(
            dev.pailot.core.Product.AIWORKSPACE,
            "ListWorkspaces",
            dev.pailot.testkit.localpai.LocalPaiFaults.Fault.THROTTLING,
            1);
    try (Pai pai = localPai.clientBuilder().listener(listener).build()) {
      WorkspaceClient.create(pai).ensure(WorkspaceSpec.builder().name("llm_events").build());
    }
    assertThat(lines).anyMatch(l -> l.startsWith("retry ListWorkspaces"));
    assertThat(lines).anyMatch(l -> l.startsWith("workspace.ensure CREATED"));
  }
}
