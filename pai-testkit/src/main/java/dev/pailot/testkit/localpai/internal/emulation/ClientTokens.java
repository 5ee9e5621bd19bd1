package dev.pailot.testkit.localpai.internal.emulation;

import dev.pailot.testkit.localpai.internal.control.ServiceError;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code ClientToken} idempotency for VPC and ECS creates: the same token with the same parameters
 * answers with the resource created the first time; the same token with different parameters is
 * {@code IdempotentParameterMismatch}. Not thread-safe: used under its store's lock.
 */
public final class ClientTokens {
  private final Map<String, Entry> entries = new HashMap<>();

  private record Entry(Map<String, String> params, String resourceId) {}

  /**
   * The resource a token already created.
   *
   * @param action action, e.g. {@code CreateVpc}
   * @param token client token, or {@code null}
   * @param params all request parameters
   * @return the resource id, or empty if the token is new or absent
   * @throws ServiceError {@code IdempotentParameterMismatch} if reused with other parameters
   */
  public synchronized Optional<String> lookup(
      String action, String token, Map<String, String> params) {
    if (token == null) {
      return Optional.empty();
    }
    Entry e = entries.get(action + "/" + token);
    if (e == null) {
      return Optional.empty();
    }
    if (!e.params.equals(comparable(params))) {
      throw new ServiceError(
          400,
          "IdempotentParameterMismatch",
          "The request uses the same client token as a previous, but non-identical request.");
    }
    return Optional.of(e.resourceId);
  }

  /**
   * Remembers what a token created.
   *
   * @param action action
   * @param token client token, or {@code null} (then nothing is remembered)
   * @param params request parameters
   * @param resourceId the created resource
   */
  public synchronized void remember(
      String action, String token, Map<String, String> params, String resourceId) {
    if (token != null) {
      entries.put(action + "/" + token, new Entry(comparable(params), resourceId));
    }
  }

  /**
   * The remembered tokens as JSON, for the state directory.
   *
   * @return JSON tree
   */
  public synchronized com.fasterxml.jackson.databind.JsonNode snapshot() {
    return StateJson.toTree(entries);
  }

  /**
   * Replaces the remembered tokens with a {@link #snapshot()}.
   *
   * @param node JSON tree, or {@code null} for none
   */
  public synchronized void restore(com.fasterxml.jackson.databind.JsonNode node) {
    entries.clear();
    if (node == null || !node.isObject()) {
      return;
    }
    node.properties()
        .forEach(
            e ->
                entries.put(
                    e.getKey(), StateJson.mapper().convertValue(e.getValue(), Entry.class)));
  }

  private static Map<String, String> comparable(Map<String, String> params) {
    Map<String, String> m = new TreeMap<>(params);
    m.remove("ClientToken");
    return m;
  }
}
