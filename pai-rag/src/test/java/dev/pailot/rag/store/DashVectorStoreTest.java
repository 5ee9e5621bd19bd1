package dev.pailot.rag.store;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The store contract against a stateful WireMock stand-in for DashVector's HTTP API. */
class DashVectorStoreTest extends VectorStoreContractTest {
  static final String KEY = "sk-test-secret-4f1d";
  static DashVectorFake fake;
  static WireMockServer server;

  @BeforeAll
  static void start() {
    fake = new DashVectorFake(KEY);
    server = new WireMockServer(wireMockConfig().dynamicPort().extensions(fake));
    server.start();
    server.stubFor(
        any(urlPathMatching("/v1/.*"))
            .atPriority(10)
            .willReturn(aResponse().withTransformers(DashVectorFake.NAME)));
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  static DashVectorConfig config(String collection, VectorSimilarity similarity) {
    return DashVectorConfig.builder()
        .endpoint("http://localhost:" + server.port())
        .apiKey(KEY)
        .collection(collection)
        .similarity(similarity)
        .batchSize(16)
        .build();
  }

  @Override
  protected VectorStore open(Path dir, VectorSimilarity similarity) {
    // One collection per test directory: reopening the same directory is a restart.
    String name =
        "c" + Integer.toHexString(dir.toAbsolutePath().toString().hashCode() & 0x7fffffff);
    DashVectorStore store = DashVectorStore.open(config(name, similarity));
    try {
      store.createCollection(DIM, Set.of("lang", "part"));
    } catch (dev.pailot.core.error.ValidationException exists) {
      // created by an earlier open of the same directory
    }
    return store;
  }

  @Override
  protected boolean filtersOnUndeclaredKeys() {
    return false; // DashVector filters only on fields in the collection's schema
  }

  @Override
  protected boolean persistent() {
    return true;
  }
}
