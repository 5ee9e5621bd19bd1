package dev.pailot.core.internal.transport;

import com.aliyun.teaopenapi.Client;
import com.aliyun.teaopenapi.models.Config;
import com.aliyun.teaopenapi.models.OpenApiRequest;
import com.aliyun.teaopenapi.models.Params;
import com.aliyun.teautil.models.RuntimeOptions;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pailot.core.PaiConfig;
import dev.pailot.core.PaiCredentials;
import dev.pailot.core.Product;
import dev.pailot.core.error.PaiException;
import java.net.URI;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends control-plane requests through Alibaba Cloud's generic OpenAPI client ({@code tea-openapi}
 * {@code callApi}), which signs them with {@code ACS3-HMAC-SHA256} and resolves credentials with
 * {@code credentials-java}. One underlying client per product, created on first use so that a
 * missing credential surfaces on the first call, not at build time.
 *
 * <p>tea-openapi's own retries are off ({@link CallPipeline} retries with Failsafe) and error
 * responses are returned raw so that {@link ErrorMapper} sees the status, body and rate-limit
 * headers.
 */
public final class TeaTransport implements Transport {
  private static final Logger LOG = LoggerFactory.getLogger(TeaTransport.class);
  private static final String USER_AGENT = "pailot/0.1.0";

  private final PaiConfig config;
  private final PaiCredentials credentials;
  private final ObjectMapper json;
  private final ErrorMapper errors;
  private final Map<Product, Client> clients = new EnumMap<>(Product.class);
  // One default-chain client for every product, so temporary credentials (ECS RAM role, OIDC) are
  // fetched and refreshed once, not once per product.
  private com.aliyun.credentials.Client chain;

  /**
   * Creates the transport.
   *
   * @param config plain configuration
   * @param credentials credential source
   * @param json mapper for bodies
   */
  public TeaTransport(PaiConfig config, PaiCredentials credentials, ObjectMapper json) {
    this.config = config;
    this.credentials = credentials;
    this.json = json;
    this.errors = new ErrorMapper(json);
  }

  @Override
  public ApiResponse send(ApiRequest request) {
    Operation op = request.operation();
    Product product = op.product();
    LOG.debug("sending {}", request);
    Map<String, ?> raw;
    try {
      raw = client(product).callApi(params(request), openApiRequest(request), runtimeOptions());
    } catch (PaiException e) {
      throw e;
    } catch (Exception e) {
      throw errors.fromClientFailure(op, e);
    }
    int status = ((Number) raw.get("statusCode")).intValue();
    Map<String, String> headers = lowerCase(raw.get("headers"));
    String body = raw.get("body") == null ? "" : String.valueOf(raw.get("body"));
    if (status >= 400) {
      throw errors.fromResponse(op, status, headers, body);
    }
    return new ApiResponse(status, headers, errors.parseBody(body));
  }

  private Params params(ApiRequest request) {
    Operation op = request.operation();
    boolean rpc = op.product().style() == Product.Style.RPC;
    return new Params()
        .setAction(op.action())
        .setVersion(op.product().version())
        .setProtocol(protocol(op.product()))
        .setMethod(op.method())
        .setPathname(request.resolvedPath())
        .setAuthType("AK")
        .setStyle(rpc ? "RPC" : "ROA")
        .setReqBodyType("json")
        .setBodyType("string");
  }

  private OpenApiRequest openApiRequest(ApiRequest request) throws Exception {
    OpenApiRequest r = new OpenApiRequest();
    r.setQuery(new HashMap<>(request.query()));
    r.setHeaders(new HashMap<>());
    if (request.rawBody() != null) {
      r.setBody(request.rawBody());
    } else if (request.jsonBody() != null) {
      // A String body is sent as given, so Jackson, not tea's Gson, decides the JSON.
      r.setBody(json.writeValueAsString(request.jsonBody()));
    }
    return r;
  }

  private RuntimeOptions runtimeOptions() {
    RuntimeOptions runtime = new RuntimeOptions();
    runtime.setAutoretry(false);
    runtime.setMaxAttempts(1);
    return runtime;
  }

  private String protocol(Product product) {
    return config.endpoint(product).getScheme().toUpperCase(Locale.ROOT);
  }

  private synchronized Client client(Product product) throws Exception {
    Client client = clients.get(product);
    if (client == null) {
      client = new Client(teaConfig(product));
      clients.put(product, client);
    }
    return client;
  }

  private Config teaConfig(Product product) throws Exception {
    URI endpoint = config.endpoint(product);
    String host =
        endpoint.getPort() > 0 ? endpoint.getHost() + ":" + endpoint.getPort() : endpoint.getHost();
    Config c =
        new Config()
            .setEndpoint(host)
            .setProtocol(endpoint.getScheme().toUpperCase(Locale.ROOT))
            .setRegionId(config.region())
            .setConnectTimeout((int) config.connectTimeout().toMillis())
            .setReadTimeout((int) config.readTimeout().toMillis())
            .setUserAgent(userAgent())
            .setSignatureAlgorithm("ACS3-HMAC-SHA256");
    c.setReturnErrorResponse(true);
    switch (credentials.kind()) {
      case ACCESS_KEY ->
          c.setAccessKeyId(credentials.accessKeyId().orElseThrow())
              .setAccessKeySecret(credentials.accessKeySecret().orElseThrow());
      case STS ->
          c.setAccessKeyId(credentials.accessKeyId().orElseThrow())
              .setAccessKeySecret(credentials.accessKeySecret().orElseThrow())
              .setSecurityToken(credentials.securityToken().orElseThrow());
      case DEFAULT_CHAIN -> c.setCredential(chain());
    }
    return c;
  }

  private com.aliyun.credentials.Client chain() {
    // Called from client(), which holds this transport's lock.
    if (chain == null) {
      chain = new com.aliyun.credentials.Client();
    }
    return chain;
  }

  private String userAgent() {
    return config.userAgent().isBlank() ? USER_AGENT : USER_AGENT + " " + config.userAgent();
  }

  private static Map<String, String> lowerCase(Object headers) {
    Map<String, String> out = new HashMap<>();
    if (headers instanceof Map<?, ?> m) {
      m.forEach((k, v) -> out.put(String.valueOf(k).toLowerCase(Locale.ROOT), String.valueOf(v)));
    }
    return out;
  }
}
