package dev.pailot.testkit.localpai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pailot.core.Pai;
import dev.pailot.core.Product;
import dev.pailot.core.RetrySettings;
import dev.pailot.core.internal.PaiRuntime;
import dev.pailot.core.internal.transport.ApiRequest;
import dev.pailot.core.internal.transport.ApiResponse;
import dev.pailot.core.internal.transport.Operation;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;

/** Sends control-plane calls through the real SDK pipeline (tea-openapi, V3 signing, retries). */
final class Calls {
  private Calls() {}

  /** Options that make emulated minutes short, so status transitions finish quickly. */
  static LocalPaiOptions fastOptions() {
    return LocalPaiOptions.builder().timeScale(Duration.ofMillis(10)).build();
  }

  /** A client with short backoff, so retried throttling does not slow the tests down. */
  static Pai client(LocalPai localPai) {
    return localPai
        .clientBuilder()
        .retry(
            RetrySettings.builder()
                .baseDelay(Duration.ofMillis(5))
                .maxDelay(Duration.ofMillis(200))
                .build())
        .build();
  }

  static JsonNode rpc(Pai pai, Product product, String action, String... keyValues) {
    return rpcResponse(pai, product, action, keyValues).body();
  }

  static ApiResponse rpcResponse(Pai pai, Product product, String action, String... keyValues) {
    boolean idempotent = action.startsWith("Describe") || contains(keyValues, "ClientToken");
    ApiRequest.Builder b = ApiRequest.of(Operation.rpc(product, action, idempotent));
    for (int i = 0; i < keyValues.length; i += 2) {
      b.query(keyValues[i], keyValues[i + 1]);
    }
    return PaiRuntime.of(pai).call(b.build());
  }

  static JsonNode vpc(Pai pai, String action, String... keyValues) {
    return rpc(pai, Product.VPC, action, keyValues);
  }

  static JsonNode ecs(Pai pai, String action, String... keyValues) {
    return rpc(pai, Product.ECS, action, keyValues);
  }

  static JsonNode roa(
      Pai pai,
      String method,
      String path,
      String action,
      Map<String, String> pathParams,
      Map<String, String> query,
      JsonNode body) {
    ApiRequest.Builder b =
        ApiRequest.of(
            Operation.roa(Product.AIWORKSPACE, action, method, path, !method.equals("POST")));
    pathParams.forEach(b::path);
    query.forEach(b::query);
    if (body != null) {
      b.body(body);
    }
    return PaiRuntime.of(pai).call(b.build()).body();
  }

  /** Polls until the supplier returns the expected value; fails after a generous deadline. */
  static void await(Supplier<String> actual, String expected) {
    Instant deadline = Instant.now().plusSeconds(30);
    String last = actual.get();
    while (!expected.equals(last)) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("still " + last + ", expected " + expected);
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
      last = actual.get();
    }
  }

  /** Creates a VPC and waits until it is Available. */
  static String availableVpc(Pai pai, String cidr) {
    String vpcId =
        vpc(pai, "CreateVpc", "RegionId", "cn-shanghai", "CidrBlock", cidr).get("VpcId").asText();
    await(() -> vpcStatus(pai, vpcId), "Available");
    return vpcId;
  }

  static String vpcStatus(Pai pai, String vpcId) {
    return vpc(pai, "DescribeVpcs", "RegionId", "cn-shanghai", "VpcId", vpcId)
        .at("/Vpcs/Vpc/0/Status")
        .asText();
  }

  private static boolean contains(String[] keyValues, String key) {
    for (int i = 0; i < keyValues.length; i += 2) {
      if (keyValues[i].equals(key)) {
        return true;
      }
    }
    return false;
  }
}
