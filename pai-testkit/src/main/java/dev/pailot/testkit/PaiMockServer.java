package dev.pailot.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against a WireMock server that speaks PAI's wire protocol.
 *
 * <pre>{@code
 * @PaiMockServer
 * class MyNetworkTest {
 *   @Test
 *   void findsTheVpc(Pai pai, PaiStubs stubs) {
 *     stubs.vpc().describeVpcs(Fixtures.vpc("vpc-1", "pailot-prod", "10.0.0.0/16", "Available"));
 *     // ... call Pailot with pai, assert on the result and on stubs.calls()
 *   }
 * }
 * }</pre>
 *
 * <p>One server per test class, started on a free loopback port before the first test and stopped
 * after the last; its stubs, scenarios and recorded requests are reset before every test. Test
 * constructors and methods may declare parameters of these types:
 *
 * <ul>
 *   <li>{@link dev.pailot.core.Pai}: a client for {@link #region()} that sends every product's
 *       calls to the server, signs with {@link TestCredentials#accessKey()}, and retries fast (1 ms
 *       base delay, no jitter) so that retries are observable but cheap. One per test class; closed
 *       after the class.
 *   <li>{@link PaiStubs}: stub builders, fault injection and recorded calls.
 *   <li>{@link PaiMockEndpoint}: the server's base URI and a pre-configured {@code Pai.Builder},
 *       for tests that need their own listener, meter registry or retry settings.
 *   <li>{@link com.github.tomakehurst.wiremock.WireMockServer} and {@link
 *       com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo}, for anything else.
 * </ul>
 *
 * <p>No environment variables or network access are needed. Test classes using this annotation must
 * not run their methods concurrently: the server is reset before each test.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(PaiMockServerExtension.class)
public @interface PaiMockServer {
  /**
   * Region id of the injected {@link dev.pailot.core.Pai}. Default {@code cn-shanghai}.
   *
   * @return region id
   */
  String region() default "cn-shanghai";

  /**
   * Whether the injected client retries. {@code true} (default): up to {@link #maxAttempts()}
   * attempts with a 1 ms base delay and no jitter; {@code false}: exactly one attempt per call.
   *
   * @return whether to retry
   */
  boolean retry() default true;

  /**
   * Maximum attempts per call, including the first, when {@link #retry()} is on. Default 4.
   *
   * @return attempts
   */
  int maxAttempts() default 4;
}
