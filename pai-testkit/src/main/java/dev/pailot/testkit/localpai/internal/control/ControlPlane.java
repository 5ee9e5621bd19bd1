package dev.pailot.testkit.localpai.internal.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pailot.core.EndpointNetwork;
import dev.pailot.core.Product;
import dev.pailot.testkit.localpai.RecordedRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The control-plane pipeline for one request: pick the product by {@code x-acs-version},
 * authenticate, route to an operation, apply injected faults, run it, and answer in Alibaba Cloud's
 * JSON with a {@code RequestId} in the body and the {@code x-acs-request-id} header. Every request
 * is recorded. Thread-safe if its handlers are; never blocks.
 */
public final class ControlPlane {
  private static final Logger LOG = LoggerFactory.getLogger(ControlPlane.class);
  private static final String JSON_TYPE = "application/json;charset=utf-8";

  private final Map<Product, List<ProductHandler>> handlers = new EnumMap<>(Product.class);
  private final Authenticator authenticator;
  private final FaultPlan faults;
  private final Consumer<RecordedRequest> log;
  private final String region;
  private final Clock clock;
  private final ObjectMapper json = new ObjectMapper();

  /**
   * Creates the pipeline.
   *
   * @param handlers product handlers, several per product allowed
   * @param authenticator signature checks
   * @param faults injected faults
   * @param log receives every answered request
   * @param region the emulated region (for {@code HostId})
   * @param clock clock for the request log
   */
  public ControlPlane(
      List<ProductHandler> handlers,
      Authenticator authenticator,
      FaultPlan faults,
      Consumer<RecordedRequest> log,
      String region,
      Clock clock) {
    for (ProductHandler h : handlers) {
      this.handlers.computeIfAbsent(h.product(), p -> new ArrayList<>()).add(h);
    }
    this.authenticator = authenticator;
    this.faults = faults;
    this.log = log;
    this.region = region;
    this.clock = clock;
  }

  /**
   * Answers one request.
   *
   * @param request the request
   * @return the reply to write
   */
  public HttpReply handle(ControlRequest request) {
    String requestId = UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
    Product product = null;
    String action = request.header("x-acs-action");
    int status;
    String errorCode = null;
    byte[] body;
    Map<String, String> headers = new LinkedHashMap<>();
    try {
      product = product(request.header("x-acs-version"));
      authenticator.authenticate(request);
      ResolvedOperation op = resolve(product, request);
      action = op.action();
      Optional<ServiceError> fault = faults.draw(product, action);
      if (fault.isPresent()) {
        throw fault.get();
      }
      ObjectNode result = json.createObjectNode().put("RequestId", requestId);
      result.setAll(op.invoke());
      status = 200;
      body = json.writeValueAsBytes(result);
    } catch (ServiceError e) {
      status = e.status();
      errorCode = e.code();
      headers.putAll(e.headers());
      body = errorBody(requestId, product, request, e);
    } catch (JsonProcessingException | RuntimeException e) {
      // A bug in an emulated operation: answer as Alibaba does for unknown server faults.
      LOG.warn("LocalPai failed on {} {} (request {})", product, action, requestId, e);
      ServiceError internal =
          new ServiceError(
              500, "InternalError", "The request processing has failed due to some unknown error.");
      status = 500;
      errorCode = internal.code();
      body = errorBody(requestId, product, request, internal);
    }
    headers.put("content-type", JSON_TYPE);
    headers.put("x-acs-request-id", requestId);
    log.accept(
        new RecordedRequest(
            clock.instant(),
            product,
            action,
            request.method(),
            request.rawPath(),
            request.params().asMap(),
            status,
            errorCode,
            requestId));
    Duration delay = faults.latency(product);
    return new HttpReply(status, headers, body, delay);
  }

  private static Product product(String version) {
    if (version == null || version.isBlank()) {
      throw ServiceError.missing("x-acs-version");
    }
    for (Product p : Product.values()) {
      if (p.version().equals(version)) {
        return p;
      }
    }
    throw new ServiceError(400, "InvalidVersion", "Specified parameter Version is not valid.");
  }

  private ResolvedOperation resolve(Product product, ControlRequest request) {
    for (ProductHandler h : handlers.getOrDefault(product, List.of())) {
      Optional<ResolvedOperation> op = h.resolve(request);
      if (op.isPresent()) {
        return op.get();
      }
    }
    throw ServiceError.notFound(
        "InvalidAction.NotFound", "Specified api is not found, please check your url and method.");
  }

  private byte[] errorBody(
      String requestId, Product product, ControlRequest request, ServiceError e) {
    String host =
        product != null
            ? product.host(region, EndpointNetwork.PUBLIC)
            : String.valueOf(request.header("host"));
    ObjectNode node =
        json.createObjectNode()
            .put("RequestId", requestId)
            .put("HostId", host)
            .put("Code", e.code())
            .put("Message", e.getMessage())
            .put(
                "Recommend",
                "https://api.aliyun.com/troubleshoot?q="
                    + e.code()
                    + "&product="
                    + (product == null ? "unknown" : product.id())
                    + "&requestId="
                    + requestId);
    try {
      return json.writeValueAsBytes(node);
    } catch (JsonProcessingException impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}
