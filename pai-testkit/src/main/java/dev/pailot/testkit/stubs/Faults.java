package dev.pailot.testkit.stubs;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.time.Duration;
import java.util.Collections;
import java.util.List;

/**
 * Fault injection for one API action, on top of the regular stubs: errors, throttling bursts,
 * server errors, connection resets and slow responses.
 *
 * <p>A fault limited to {@code times} answers the first {@code times} matching requests; later
 * requests fall through to the regular stub of the action (register it too), so "throttled twice,
 * then success" is:
 *
 * <pre>{@code
 * stubs.vpc().describeVpcs(vpc("vpc-1", "prod", "10.0.0.0/16", "Available"));
 * stubs.faults().throttle("DescribeVpcs", 2, Duration.ofMillis(40));
 * }</pre>
 *
 * <p>Faults match any request whose {@code x-acs-action} header names the action and take priority
 * over regular stubs. Thread-safe; faults live until the server is reset.
 */
public final class Faults {
  private final StubWiring wiring;

  /**
   * Faults on {@code server}.
   *
   * @param server a running WireMock server
   */
  public Faults(WireMockServer server) {
    this.wiring = new StubWiring(server);
  }

  /**
   * Every request for {@code action} fails with {@code error}.
   *
   * @param action API action, e.g. {@code GetWorkspace}
   * @param error the error response
   * @return the stub
   */
  public StubMapping fail(String action, ErrorResponse error) {
    return wiring.register(
        action,
        StubWiring.anyWithAction(action).atPriority(StubWiring.FAULT_PRIORITY),
        error.toResponse());
  }

  /**
   * The next {@code times} requests for {@code action} fail with {@code error}; later ones reach
   * the regular stub.
   *
   * @param action API action
   * @param error the error response
   * @param times how many requests fail, at least 1
   * @return the stubs, one per failing request
   */
  public List<StubMapping> fail(String action, ErrorResponse error, int times) {
    return repeat(action, error.toResponse(), times);
  }

  /**
   * A throttling burst: the next {@code times} requests for {@code action} get HTTP 400 {@code
   * Throttling.User} with {@code x-ratelimit-user-api: Limit:100,Remain:0,TimeLeft:<ms>,...}; later
   * ones reach the regular stub.
   *
   * @param action API action
   * @param times how many requests are throttled, at least 1
   * @param timeLeft the wait hint sent in {@code TimeLeft}
   * @return the stubs
   */
  public List<StubMapping> throttle(String action, int times, Duration timeLeft) {
    return fail(action, ErrorBodies.throttling(timeLeft), times);
  }

  /**
   * The next {@code times} requests for {@code action} get HTTP 503 {@code ServiceUnavailable};
   * later ones reach the regular stub.
   *
   * @param action API action
   * @param times how many requests fail, at least 1
   * @return the stubs
   */
  public List<StubMapping> serviceUnavailable(String action, int times) {
    return fail(action, ErrorBodies.serviceUnavailable(), times);
  }

  /**
   * The next {@code times} requests for {@code action} have their connection reset by the server
   * before any response ({@link Fault#CONNECTION_RESET_BY_PEER}); later ones reach the regular
   * stub.
   *
   * @param action API action
   * @param times how many requests are reset, at least 1
   * @return the stubs
   */
  public List<StubMapping> connectionReset(String action, int times) {
    return fault(action, Fault.CONNECTION_RESET_BY_PEER, times);
  }

  /**
   * The next {@code times} requests for {@code action} meet a WireMock network fault (reset, empty
   * response, garbage, malformed chunk); later ones reach the regular stub.
   *
   * @param action API action
   * @param fault the fault
   * @param times how many requests are affected, at least 1
   * @return the stubs
   */
  public List<StubMapping> fault(String action, Fault fault, int times) {
    return repeat(action, aResponse().withFault(fault), times);
  }

  /**
   * Delays every response of the stubs (regular and fault) already registered for {@code action} by
   * {@code delay}. Register the stubs first; stubs added later are not delayed.
   *
   * @param action API action
   * @param delay the fixed delay
   * @return the stubs that were changed
   * @throws IllegalStateException if no stub for {@code action} is registered
   */
  public List<StubMapping> delay(String action, Duration delay) {
    List<StubMapping> found =
        wiring
            .server()
            .findStubMappingsByMetadata(
                matchingJsonPath("$." + StubWiring.ACTION_METADATA, equalTo(action)));
    if (found.isEmpty()) {
      throw new IllegalStateException(
          "No stub for " + action + " to delay: register the regular stub first.");
    }
    for (StubMapping mapping : found) {
      mapping.setResponse(
          ResponseDefinitionBuilder.like(mapping.getResponse())
              .withFixedDelay((int) delay.toMillis())
              .build());
      wiring.server().editStubMapping(mapping);
    }
    return Collections.unmodifiableList(found);
  }

  private List<StubMapping> repeat(String action, ResponseDefinitionBuilder response, int times) {
    if (times < 1) {
      throw new IllegalArgumentException("times must be at least 1, was " + times);
    }
    return wiring.sequence(
        action,
        () -> StubWiring.anyWithAction(action).atPriority(StubWiring.FAULT_PRIORITY),
        Collections.nCopies(times, response),
        false);
  }
}
