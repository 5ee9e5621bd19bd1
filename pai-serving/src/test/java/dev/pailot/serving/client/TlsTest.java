package dev.pailot.serving.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * HTTPS on both transports against a server whose certificate a private CA signed: OkHttp trusts
 * what its {@code okHttpClient(...)} trusts, {@link Transport#APACHE_ASYNC} what the JVM's default
 * {@link SSLContext} trusts when the client is built (the {@code javax.net.ssl} system properties
 * set it); without the CA the handshake fails with a typed error that says what to fix.
 */
class TlsTest {
  private static final HeldCertificate ROOT =
      new HeldCertificate.Builder().certificateAuthority(0).commonName("pailot test CA").build();
  private static final HeldCertificate SERVER =
      new HeldCertificate.Builder()
          .commonName("localhost")
          .addSubjectAlternativeName("localhost")
          .signedBy(ROOT)
          .build();
  private static final HandshakeCertificates TRUSTING =
      new HandshakeCertificates.Builder().addTrustedCertificate(ROOT.certificate()).build();

  private MockWebServer server;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.useHttps(
        new HandshakeCertificates.Builder()
            .heldCertificate(SERVER, ROOT.certificate())
            .build()
            .sslSocketFactory());
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private InferenceClientBuilder builder() {
    return InferenceClient.builder()
        .endpoint("https://localhost:" + server.getPort() + "/v1")
        .token("tls-token-1234")
        .retry(RetryOptions.none());
  }

  /** An Apache client built while the JVM's default TLS context trusts the test CA. */
  private InferenceClient apacheTrusting() throws NoSuchAlgorithmException {
    SSLContext before = SSLContext.getDefault();
    SSLContext.setDefault(TRUSTING.sslContext());
    try {
      return builder().transport(Transport.APACHE_ASYNC).build();
    } finally {
      SSLContext.setDefault(before);
    }
  }

  private void streamAndChatOver(InferenceClient client) throws InterruptedException {
    server.enqueue(Sse.stream(Sse.answer()).build());
    server.enqueue(Sse.json(200, Sse.wholeAnswer("secure")).build());
    ChatRequest request = ChatRequest.builder().model("qwen").user("Hi").build();

    ChatResult streamed = Await.result(client.stream(request, new RecordingListener()).result());
    ChatResult whole = Await.result(client.chatAsync(request));

    assertThat(streamed.text()).isNotEmpty();
    assertThat(whole.text()).isEqualTo("secure");
    for (int i = 0; i < 2; i++) {
      RecordedRequest r = server.takeRequest(Await.GUARD_SECONDS, TimeUnit.SECONDS);
      assertThat(r.getHandshake()).as("a TLS handshake").isNotNull();
      assertThat(r.getHeaders().get("Authorization")).endsWith("tls-token-1234");
    }
  }

  @Test
  void apacheTrustsTheJvmsDefaultTlsContext() throws Exception {
    try (InferenceClient client = apacheTrusting()) {
      streamAndChatOver(client);
    }
  }

  @Test
  void okHttpTrustsItsOkHttpClient() throws Exception {
    OkHttpClient trusting =
        new OkHttpClient.Builder()
            .sslSocketFactory(TRUSTING.sslSocketFactory(), TRUSTING.trustManager())
            .build();
    try (InferenceClient client = builder().okHttpClient(trusting).build()) {
      streamAndChatOver(client);
    }
  }

  @Test
  void untrustedServerFailsTheHandshakeOnBothTransports() {
    for (Transport transport : Transport.values()) {
      try (InferenceClient client = builder().transport(transport).build()) {
        ChatRequest request = ChatRequest.builder().model("qwen").user("Hi").build();

        Throwable failure = Await.failure(client.chatAsync(request));

        assertThat(failure)
            .as(transport.name())
            .isInstanceOf(EndpointUnavailableException.class)
            .hasMessageContaining("TLS certificate")
            .hasCauseInstanceOf(SSLException.class);
      }
    }
  }
}
