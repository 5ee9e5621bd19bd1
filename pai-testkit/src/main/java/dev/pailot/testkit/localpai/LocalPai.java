package dev.pailot.testkit.localpai;

import dev.pailot.core.Pai;
import dev.pailot.core.PaiCredentials;
import dev.pailot.testkit.localpai.internal.backend.BackendFactory;
import dev.pailot.testkit.localpai.internal.control.Authenticator;
import dev.pailot.testkit.localpai.internal.control.ControlPlane;
import dev.pailot.testkit.localpai.internal.control.FaultPlan;
import dev.pailot.testkit.localpai.internal.control.ProductHandler;
import dev.pailot.testkit.localpai.internal.eas.EasEmulation;
import dev.pailot.testkit.localpai.internal.emulation.Emulation;
import dev.pailot.testkit.localpai.internal.emulation.PersistentStore;
import dev.pailot.testkit.localpai.internal.network.NetworkHandlers;
import dev.pailot.testkit.localpai.internal.server.DataPlaneRoute;
import dev.pailot.testkit.localpai.internal.server.LocalPaiServer;
import dev.pailot.testkit.localpai.internal.workspace.WorkspaceHandlers;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * LocalPai: a local emulator of PAI's control plane (VPC, ECS security groups, AIWorkspace
 * workspaces and datasets, EAS services) and of EAS's gateway that speaks the real wire protocol,
 * so the unchanged SDK talks to it through its endpoint override. It checks {@code
 * ACS3-HMAC-SHA256} signatures, validates parameters, keeps state in memory, moves resources
 * through their real status transitions on a scaled clock, and answers errors with Alibaba Cloud's
 * codes and JSON bodies.
 *
 * <pre>{@code
 * try (LocalPai localPai = LocalPai.start();
 *      Pai pai = localPai.newClient()) {
 *   // use any Pailot client with pai; inspect localPai.requests(), inject localPai.faults()
 * }
 * }</pre>
 *
 * <p>One port serves every product: the product is chosen by the {@code x-acs-version} header. The
 * same port is the EAS gateway: a service's endpoint is {@code
 * http://host:port/api/predict/{name}}, called with its {@code AccessToken}. The server is a Netty
 * event loop (not a thread per request) on named daemon threads. Thread-safe. {@link #close()}
 * stops the server and discards the state; clients created from it must be closed by their owner.
 */
public final class LocalPai implements AutoCloseable {
  private final LocalPaiOptions options;
  private final LocalPaiServer server;
  private final EasEmulation eas;
  private final LocalPaiFaults faults;
  private final RequestLog requests;
  private final URI endpoint;

  private LocalPai(LocalPaiOptions options, List<BackendFactory> extraFactories) {
    this.options = options;
    Clock clock = Clock.systemUTC();
    Emulation emulation =
        new Emulation(options.region(), options.accountId(), clock, options.timeScale());
    List<BackendFactory> factories = new ArrayList<>(extraFactories);
    factories.addAll(backendFactories(emulation));
    this.eas = new EasEmulation(emulation, factories, options.randomSeed());
    FaultPlan plan = new FaultPlan(options.randomSeed(), clock);
    this.faults = new LocalPaiFaults(plan, eas);
    this.requests = new RequestLog();
    List<PaiCredentials> accepted = new ArrayList<>();
    accepted.add(credentials(options));
    accepted.addAll(options.additionalCredentials());
    ControlPlane controlPlane =
        new ControlPlane(
            handlers(emulation, eas),
            new Authenticator(accepted, clock, options.maxClockSkew()),
            plan,
            requests::append,
            options.region(),
            clock);
    try {
      this.server =
          LocalPaiServer.start(
              options.host(), options.port(), options.ioThreads(), controlPlane, dataPlane(eas));
    } catch (RuntimeException e) {
      eas.close();
      throw e;
    }
    this.endpoint = URI.create("http://" + hostForUri(options.host()) + ":" + server.port());
    eas.attach(endpoint);
  }

  /**
   * Starts an emulator with {@link LocalPaiOptions#defaults()}: 127.0.0.1 on a free port, region
   * {@code cn-shanghai}, the default test AccessKey, one emulated minute = 100 ms.
   *
   * @return the running emulator; close it when done
   * @throws IllegalStateException if the server cannot bind
   */
  public static LocalPai start() {
    return start(LocalPaiOptions.defaults());
  }

  /**
   * Starts an emulator.
   *
   * @param options options
   * @return the running emulator; close it when done
   * @throws IllegalStateException if the server cannot bind
   * @throws UnsupportedOperationException if a state directory is set (persistence comes later)
   */
  public static LocalPai start(LocalPaiOptions options) {
    return start(options, List.of());
  }

  /**
   * Starts an emulator whose EAS replicas may run extra backends, asked before the built-in ones
   * (for tests of the EAS emulation and of backends).
   *
   * @param options options
   * @param extraFactories backend factories asked first, in order
   * @return the running emulator
   */
  static LocalPai start(LocalPaiOptions options, List<BackendFactory> extraFactories) {
    Objects.requireNonNull(options, "options");
    if (options.stateDirectory().isPresent()) {
      throw new UnsupportedOperationException(
          "LocalPai does not persist state yet; remove stateDirectory from the options");
    }
    return new LocalPai(options, List.copyOf(extraFactories));
  }

  /** Every emulated product; a new product (DLC) adds its handlers here. */
  private static List<ProductHandler> handlers(Emulation emulation, EasEmulation eas) {
    List<ProductHandler> handlers = new ArrayList<>();
    handlers.addAll(NetworkHandlers.create(emulation));
    handlers.addAll(WorkspaceHandlers.create(emulation));
    handlers.addAll(eas.handlers());
    return handlers;
  }

  /**
   * What runs inside EAS replicas, asked in order for each replica; the first that recognises a
   * service wins, and services nobody recognises run an echo container. The emulated LLM engine
   * adds its factory here.
   */
  private static List<BackendFactory> backendFactories(Emulation emulation) {
    List<BackendFactory> factories = new ArrayList<>();
    return factories;
  }

  /** Non-control-plane routes on LocalPai's port, checked before the control plane. */
  private static List<DataPlaneRoute> dataPlane(EasEmulation eas) {
    return List.of(eas.gateway());
  }

  /**
   * The stores whose state survives a restart when a state directory is configured.
   *
   * @return the stores
   */
  List<PersistentStore> persistentStores() {
    return List.of(eas.store());
  }

  private static PaiCredentials credentials(LocalPaiOptions options) {
    return PaiCredentials.accessKey(options.accessKeyId(), options.accessKeySecret());
  }

  private static String hostForUri(String host) {
    return host.contains(":") ? "[" + host + "]" : host;
  }

  /**
   * The base URI for every product, e.g. {@code http://127.0.0.1:41234}.
   *
   * @return endpoint
   */
  public URI endpoint() {
    return endpoint;
  }

  /**
   * The bound port.
   *
   * @return port
   */
  public int port() {
    return server.port();
  }

  /**
   * The emulated region.
   *
   * @return region id
   */
  public String region() {
    return options.region();
  }

  /**
   * The AccessKey pair this emulator accepts (its {@code toString} is redacted).
   *
   * @return credentials
   */
  public PaiCredentials credentials() {
    return credentials(options);
  }

  /**
   * The options it was started with.
   *
   * @return options
   */
  public LocalPaiOptions options() {
    return options;
  }

  /**
   * A {@link Pai} builder already pointed at this emulator for every product, with its region and
   * credentials; add retry or timeout settings as needed.
   *
   * @return builder
   */
  public Pai.Builder clientBuilder() {
    return Pai.builder().region(region()).credentials(credentials()).endpointOverride(endpoint);
  }

  /**
   * A {@link Pai} client for this emulator, from {@link #clientBuilder()}. The caller closes it.
   *
   * @return client
   */
  public Pai newClient() {
    return clientBuilder().build();
  }

  /**
   * Fault injection (control-plane throttling, 5xx, latency; EAS gateway latency, errors, replica
   * deaths, failing deployments), effective immediately.
   *
   * @return the faults
   */
  public LocalPaiFaults faults() {
    return faults;
  }

  /**
   * The control-plane requests answered so far.
   *
   * @return the log
   */
  public RequestLog requests() {
    return requests;
  }

  /** Stops the server and its threads and closes every EAS replica. Idempotent. */
  @Override
  public void close() {
    server.close();
    eas.close();
  }

  @Override
  public String toString() {
    return "LocalPai{" + endpoint + ", region=" + region() + "}";
  }
}
