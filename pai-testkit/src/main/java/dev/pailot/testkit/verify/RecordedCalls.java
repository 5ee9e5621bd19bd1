package dev.pailot.testkit.verify;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The requests a mock PAI server received since its last reset, oldest first.
 *
 * <pre>{@code
 * stubs.calls().assertCount("CreateVpc", 1);
 * RecordedCall call = stubs.calls().single("CreateVpc");
 * }</pre>
 *
 * <p>Each method reads WireMock's request journal afresh. Thread-safe.
 */
public final class RecordedCalls {
  private final WireMockServer server;

  /**
   * Reads the journal of {@code server}.
   *
   * @param server a running WireMock server
   */
  public RecordedCalls(WireMockServer server) {
    this.server = Objects.requireNonNull(server, "server");
  }

  /**
   * Every request, oldest first.
   *
   * @return requests
   */
  public List<RecordedCall> all() {
    List<ServeEvent> events = server.getAllServeEvents();
    List<RecordedCall> out = new ArrayList<>(events.size());
    // WireMock's journal lists the newest request first.
    for (int i = events.size() - 1; i >= 0; i--) {
      out.add(new RecordedCall(events.get(i).getRequest()));
    }
    return out;
  }

  /**
   * The requests whose {@code x-acs-action} is {@code action}, oldest first.
   *
   * @param action API action
   * @return requests
   */
  public List<RecordedCall> ofAction(String action) {
    List<RecordedCall> out = new ArrayList<>();
    for (RecordedCall c : all()) {
      if (action.equals(c.action())) {
        out.add(c);
      }
    }
    return out;
  }

  /**
   * How many requests named {@code action}.
   *
   * @param action API action
   * @return count
   */
  public int count(String action) {
    return ofAction(action).size();
  }

  /**
   * Asserts how many requests named {@code action}.
   *
   * @param action API action
   * @param expected expected count
   * @return this
   * @throws AssertionError if the count differs
   */
  public RecordedCalls assertCount(String action, int expected) {
    int actual = count(action);
    if (actual != expected) {
      throw new AssertionError(
          "expected " + expected + " " + action + " request(s) but the server saw " + actual);
    }
    return this;
  }

  /**
   * The only request named {@code action}.
   *
   * @param action API action
   * @return the request
   * @throws AssertionError unless exactly one was received
   */
  public RecordedCall single(String action) {
    assertCount(action, 1);
    return ofAction(action).get(0);
  }

  /**
   * The most recent request named {@code action}.
   *
   * @param action API action
   * @return the request
   * @throws AssertionError if none was received
   */
  public RecordedCall last(String action) {
    List<RecordedCall> calls = ofAction(action);
    if (calls.isEmpty()) {
      throw new AssertionError("expected a " + action + " request but the server saw none");
    }
    return calls.get(calls.size() - 1);
  }

  /**
   * Requests that matched no stub, oldest first.
   *
   * @return unmatched requests
   */
  public List<RecordedCall> unmatched() {
    List<RecordedCall> out = new ArrayList<>();
    server.findAllUnmatchedRequests().forEach(r -> out.add(new RecordedCall(r)));
    return out;
  }

  /**
   * Asserts that every request matched a stub.
   *
   * @return this
   * @throws AssertionError listing the unmatched requests (method, path, action only)
   */
  public RecordedCalls assertAllMatched() {
    List<RecordedCall> unmatched = unmatched();
    if (!unmatched.isEmpty()) {
      List<String> described = new ArrayList<>();
      unmatched.forEach(c -> described.add(c.describe()));
      throw new AssertionError("requests matched no stub: " + described);
    }
    return this;
  }
}
