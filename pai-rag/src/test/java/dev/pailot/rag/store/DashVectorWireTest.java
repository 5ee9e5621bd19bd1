package dev.pailot.rag.store;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.pailot.core.error.AuthenticationException;
import dev.pailot.core.error.PaiException;
import dev.pailot.core.error.ResourceNotFoundException;
import dev.pailot.core.error.ServiceUnavailableException;
import dev.pailot.core.error.ThrottlingException;
import dev.pailot.core.error.ValidationException;
import dev.pailot.testkit.SecretLeakGuard;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** DashVector request shapes, score conversion, error mapping, retries and secret hygiene. */
class DashVectorWireTest {
  static final String KEY = "sk-wire-secret-77aa";

  @RegisterExtension final SecretLeakGuard guard = SecretLeakGuard.create().secret(KEY);

  static final DashVectorFake fake = new DashVectorFake(KEY);
  static WireMockServer server;
  DashVectorStore store;

  @BeforeAll
  static void startServer() {
    server = new WireMockServer(wireMockConfig().dynamicPort().extensions(fake));
    server.start();
  }

  @AfterAll
  static void stopServer() {
    server.stop();
  }

  @BeforeEach
  void start() {
    fake.reset();
    server.resetAll();
    server.stubFor(
        any(urlPathMatching("/v1/.*"))
            .atPriority(10)
            .willReturn(aResponse().withTransformers(DashVectorFake.NAME)));
    store = DashVectorStore.open(config(KEY).build());
  }

  @AfterEach
  void stop() {
    store.close();
  }

  DashVectorConfig.Builder config(String key) {
    return DashVectorConfig.builder()
        .endpoint("http://localhost:" + server.port())
        .apiKey(key)
        .collection("docs");
  }

  static StoredChunk chunk(String id, float[] v, Map<String, String> meta) {
    return StoredChunk.builder()
        .id(id)
        .documentId("guide")
        .text("text " + id)
        .vector(v)
        .metadata(meta)
        .build();
  }

  @Test
  void requestsFollowTheDocumentedApi() {
    store.createCollection(2, Set.of("lang"));
    store.upsert(List.of(chunk("a", new float[] {1, 0}, Map.of("lang", "en"))));
    store.search(
        VectorQuery.builder()
            .vector(new float[] {1, 0})
            .topK(3)
            .filter(MetadataFilter.builder().anyOf("lang", "en", "de").build())
            .build());
    store.deleteDocument("guide");

    server.verify(
        postRequestedFor(urlEqualTo("/v1/collections"))
            .withHeader("dashvector-auth-token", equalTo(KEY))
            .withRequestBody(
                equalToJson(
                    "{\"name\":\"docs\",\"dimension\":2,\"metric\":\"cosine\",\"dtype\":\"FLOAT\","
                        + "\"fields_schema\":{\"pailot_document\":\"STRING\",\"lang\":\"STRING\"}}")));
    server.verify(
        postRequestedFor(urlEqualTo("/v1/collections/docs/docs/upsert"))
            .withHeader("dashvector-auth-token", equalTo(KEY))
            .withRequestBody(
                equalToJson(
                    "{\"docs\":[{\"id\":\"a\",\"vector\":[1.0,0.0],\"fields\":{\"pailot_text\":"
                        + "\"text a\",\"pailot_document\":\"guide\",\"lang\":\"en\"}}]}")));
    server.verify(
        postRequestedFor(urlEqualTo("/v1/collections/docs/query"))
            .withRequestBody(matchingJsonPath("$.vector", equalToJson("[1.0,0.0]")))
            .withRequestBody(matchingJsonPath("$.topk", equalTo("3")))
            .withRequestBody(matchingJsonPath("$.filter", equalTo("lang in ('de', 'en')"))));
    server.verify(
        postRequestedFor(urlEqualTo("/v1/collections/docs/query"))
            .withRequestBody(matchingJsonPath("$.filter", equalTo("pailot_document = 'guide'"))));
    server.verify(
        deleteRequestedFor(urlEqualTo("/v1/collections/docs/docs"))
            .withRequestBody(equalToJson("{\"ids\":[\"a\"]}")));
    assertThat(store.count()).isZero();
  }

  @Test
  void cosineDistancesBecomeSimilarities() {
    store.createCollection(2, Set.of());
    store.upsert(
        List.of(
            chunk("same", new float[] {2, 0}, Map.of()),
            chunk("diagonal", new float[] {1, 1}, Map.of()),
            chunk("opposite", new float[] {-1, 0}, Map.of())));
    List<SearchHit> hits = store.search(VectorQuery.of(new float[] {1, 0}, 3));
    assertThat(hits).extracting(SearchHit::chunkId).containsExactly("same", "diagonal", "opposite");
    assertThat(hits.get(0).score()).isCloseTo(1f, within(1e-5f));
    assertThat(hits.get(1).score()).isCloseTo((float) Math.sqrt(0.5), within(1e-5f));
    assertThat(hits.get(2).score()).isCloseTo(-1f, within(1e-5f));
  }

  @Test
  void aWrongKeyIsAnAuthenticationFailure() {
    store.createCollection(2, Set.of());
    try (DashVectorStore wrong = DashVectorStore.open(config("sk-wrong").build())) {
      assertThatThrownBy(wrong::count)
          .isInstanceOf(AuthenticationException.class)
          .hasMessageContaining("HTTP 401")
          .satisfies(e -> assertThat(((PaiException) e).retryable()).isFalse());
    }
  }

  @Test
  void aMissingCollectionIsNotFound() {
    assertThatThrownBy(() -> store.search(VectorQuery.of(new float[] {1, 0}, 1)))
        .isInstanceOf(ResourceNotFoundException.class)
        .hasMessageContaining("/v1/collections/docs");
  }

  @Test
  void throttlingIsRetriedWithBackoff() {
    store.createCollection(2, Set.of());
    fake.failNext(429, 2);
    assertThat(store.count()).isZero(); // third attempt succeeds
    server.verify(
        3,
        com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
            urlEqualTo("/v1/collections/docs/stats")));
  }

  @Test
  void persistentServerErrorsFailAfterTheRetries() {
    store.createCollection(2, Set.of());
    fake.failNext(503, 3);
    assertThatThrownBy(store::count)
        .isInstanceOf(ServiceUnavailableException.class)
        .satisfies(e -> assertThat(((PaiException) e).numAttempts()).isEqualTo(3))
        .satisfies(e -> assertThat(((PaiException) e).httpStatus()).isEqualTo(503));
    fake.failNext(429, 3);
    assertThatThrownBy(store::count).isInstanceOf(ThrottlingException.class);
  }

  @Test
  void anErrorCodeInASuccessfulResponseFails() {
    server.stubFor(
        post(urlEqualTo("/v1/collections/docs/docs/upsert"))
            .atPriority(1)
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withBody(
                        "{\"code\":0,\"message\":\"\",\"request_id\":\"r1\",\"output\":[{\"doc_op\":"
                            + "\"insert\",\"id\":\"a\",\"code\":-2011,\"message\":\"bad doc\"}]}")));
    store.createCollection(2, Set.of());
    assertThatThrownBy(() -> store.upsert(List.of(chunk("a", new float[] {1, 0}, Map.of()))))
        .isInstanceOf(PaiException.class)
        .hasMessageContaining("bad doc");

    server.stubFor(
        post(urlEqualTo("/v1/collections/docs/query"))
            .atPriority(1)
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withBody(
                        "{\"code\":-2008,\"message\":\"filter syntax\",\"request_id\":\"r2\"}")));
    assertThatThrownBy(() -> store.search(VectorQuery.of(new float[] {1, 0}, 1)))
        .isInstanceOf(PaiException.class)
        .satisfies(e -> assertThat(((PaiException) e).errorCode()).contains("-2008"))
        .satisfies(e -> assertThat(((PaiException) e).requestId()).contains("r2"));
  }

  @Test
  void inputsDashVectorCannotCarryAreRejectedBeforeAnyCall() {
    store.createCollection(2, Set.of());
    assertThatThrownBy(
            () -> store.upsert(List.of(chunk("a", new float[] {1, 0}, Map.of("bad key", "v")))))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("bad key");
    assertThatThrownBy(() -> store.deleteDocument("it's"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("single quote");
    assertThatThrownBy(() -> store.upsert(List.of(chunk("b", new float[] {1, 0, 0}, Map.of()))))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("dimension");
    server.verify(0, postRequestedFor(urlEqualTo("/v1/collections/docs/docs/upsert")));
  }

  @Test
  void theApiKeyNeverAppearsInTextOrErrors() {
    DashVectorConfig config = config(KEY).callTimeout(Duration.ofSeconds(2)).build();
    guard.assertNoSecretIn("config", config);
    guard.assertNoSecretIn("store", store);
    fake.failNext(500, 3);
    PaiException failure =
        org.junit.jupiter.api.Assertions.assertThrows(PaiException.class, store::count);
    guard.assertNoSecretIn("exception", failure);
    assertThat(config.toString()).doesNotContain(KEY).contains("apiKey=****");
  }
}
