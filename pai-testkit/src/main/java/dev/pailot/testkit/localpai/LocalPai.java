package dev.pailot.testkit.localpai;

import dev.pailot.core.Pai;
import dev.pailot.core.PaiCredentials;
import dev.pailot.testkit.localpai.internal.control.Authenticator;
import dev.pailot.testkit.localpai.internal.control.ControlPlane;
import dev.pailot.testkit.localpai.internal.control.FaultPlan;
import dev.pailot.testkit.localpai.internal.control.ProductHandler;
import dev.pailot.testkit.localpai.internal.emulation.Emulation;
import dev.pailot.testkit.localpai.internal.emulation.PersistentStore;
import dev.pailot.testkit.localpai.internal.emulation.StateDirectory;
import dev.pailot.testkit.localpai.internal.network.NetworkHandlers;
import dev.pailot.testkit.localpai.internal.server.LocalPaiServer;
import dev.pailot.testkit.localpai.internal.workspace.WorkspaceHandlers;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * LocalPai: a local emulator of PAI's control plane (VPC, ECS security groups, AIWorkspace
 * workspaces and datasets) that speaks the real wire protocol, so the unchanged SDK talks to it
 * through its endpoint override. It checks {@code ACS3-HMAC-SHA256} signatures, validates
 * parameters, keeps state in memory, moves resources through their real status transitions on a
 * scaled clock, and answers errors with Alibaba Cloud's codes and JSON bodies.
 *
 * <pre>{@code
 * try (LocalPai localPai = LocalPai.start();
 *      Pai pai = localPai.newClient()) {
 *   // use any Pailot client with pai; inspect localPai.requests(), inject localPai.faults()
 * }
 * }</pre>
 *
 * <p>One port serves every product: the product is chosen by the {@code x-acs-version} header. The
 * server is a Netty event loop (not a thread per request) on named daemon threads. Thread-safe.
 * {@link #close()} stops the server and discards the state; clients created from it must be closed
 * by their owner.
 */
public final class LocalPai implements AutoCloseable {
  /** How often changed state is written to the state directory. */
  static final long STATE_SAVE_INTERVAL_MILLIS = 250;

  private final LocalPaiOptions options;
  private final LocalPaiServer server;
  private final LocalPaiFaults faults;
  private final RequestLog requests;
  private final URI endpoint;
  private final StateDirectory state;

  private LocalPai(LocalPaiOptions options) {
    this.options = options;
    Clock clock = Clock.systemUTC();
    Emulation emulation =
        new Emulation(options.region(), options.accountId(), clock, options.timeScale());
    FaultPlan plan = new FaultPlan(options.randomSeed(), clock);
    this.faults = new LocalPaiFaults(plan);
    this.requests = new RequestLog();
    List<PaiCredentials> accepted = new ArrayList<>();
    accepted.add(credentials(options));
    accepted.addAll(options.additionalCredentials());
    List<PersistentStore> stores = new ArrayList<>();
    List<ProductHandler> handlers = handlers(emulation, stores);
    // Restore before the port opens, so no request sees a half-restored emulator.
    this.state =
        options
            .stateDirectory()
            .map(dir -> StateDirectory.open(dir, stores, STATE_SAVE_INTERVAL_MILLIS))
            .orElse(null);
    ControlPlane controlPlane =
        new ControlPlane(
            handlers,
            new Authenticator(accepted, clock, options.maxClockSkew()),
            plan,
            requests::append,
            options.region(),
            clock);
    // No data-plane routes yet; emulated EAS endpoints and LLM engines will be added here.
    this.server =
        LocalPaiServer.start(
            options.host(), options.port(), options.ioThreads(), controlPlane, List.of());
    this.endpoint = URI.create("http://" + hostForUri(options.host()) + ":" + server.port());
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
   * @throws java.io.UncheckedIOException if the state directory cannot be read
   */
  public static LocalPai start(LocalPaiOptions options) {
    Objects.requireNonNull(options, "options");
    return new LocalPai(options);
  }

  /** Every emulated product; a new product (DLC, EAS) adds its handlers here. */
  private static List<ProductHandler> handlers(Emulation emulation, List<PersistentStore> stores) {
    List<ProductHandler> handlers = new ArrayList<>();
    handlers.addAll(NetworkHandlers.create(emulation, stores));
    handlers.addAll(WorkspaceHandlers.create(emulation, stores));
    return handlers;
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
   * Fault injection (throttling, 5xx, latency), effective immediately.
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

  /** Stops the server and its threads. Idempotent. */
  @Override
  public void close() {
    server.close();
    if (state != null) {
      state.close();
    }
  }

  @Override
  public String toString() {
    return "LocalPai{" + endpoint + ", region=" + region() + "}";
  }
}
