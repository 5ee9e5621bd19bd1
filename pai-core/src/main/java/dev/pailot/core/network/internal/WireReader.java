package dev.pailot.core.network.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pailot.core.error.PaiException;
import dev.pailot.core.internal.transport.ApiResponse;

/** Binds a VPC/ECS response body to its wire DTO, failing clearly on an unexpected shape. */
final class WireReader {
  private final ObjectMapper json;

  WireReader(ObjectMapper json) {
    this.json = json;
  }

  <T> T read(ApiResponse response, String action, Class<T> type) {
    try {
      return json.treeToValue(response.body(), type);
    } catch (JsonProcessingException e) {
      // The body itself is not quoted: it is not ours to print.
      String id = response.requestId() == null ? "" : " (request id " + response.requestId() + ")";
      throw new PaiException(
          action
              + " returned a response Pailot cannot read"
              + id
              + ". Check that the endpoint override points at VPC/ECS or LocalPai.",
          null,
          e);
    }
  }
}
