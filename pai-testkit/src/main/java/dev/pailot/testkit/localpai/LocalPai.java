package dev.pailot.testkit.localpai;

import dev.pailot.core.Pai;
import dev.pailot.core.PaiCredentials;
import dev.pailot.testkit.localpai.internal.backend.BackendFactory;
import dev.pailot.testkit.localpai.internal.control.Authenticator;
import dev.pailot.testkit.localpai.internal.control.ControlPlane;
import dev.pailot.testkit.localpai.internal.control.FaultPlan;
import dev.pailot.testkit.localpai.internal.control.ProductHandler;
import dev.pailot.testkit.localpai.internal.dlc.DlcEmulator;
import dev.pailot.testkit.localpai.internal.eas.EasEmulation;
import dev.pailot.testkit.localpai.internal.emulation.Emulation;
import dev.pailot.testkit.localpai.internal.emulation.OssPaths;
import dev.pailot.testkit.localpai.internal.emulation.PersistentStore;
import dev.pailot.testkit.localpai.internal.emulation.StateDirectory;
import dev.pailot.testkit.localpai.internal.engine.EngineBackendFactory;
import dev.pailot.testkit.localpai.internal.network.NetworkHandlers;
import dev.pailot.testkit.localpai.internal.server.DataPlaneRoute;
import dev.pailot.testkit.localpai.internal.server.LocalPaiServer;
import dev.pailot.testkit.localpai.internal.workspace.WorkspaceHandlers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * LocalPai: a local emulator of PAI that speaks the real wire protocol, so the unchanged SDK talks
 * to it through its endpoint override. Control plane: VPC, ECS security groups, AIWorkspace
 * workspaces and datasets, DLC training jobs (which really train: steps, checkpoints, preemption,
 * gang scheduling) and EAS services (versions, groups, release weights, mirrors, autoscaling). Data
 * plane: each EAS service answers on its own endpoint through an emulated gateway, backed by a
 * simulated continuous-batching LLM engine (OpenAI-compatible, SSE, vLLM metrics), an embedding or
 * rerank model, or an echo container. It checks {@code ACS3-HMAC-SHA256} signatures, validates
 * parameters, moves resources through their real status transitions on a scaled clock, answers
 * errors with Alibaba Cloud's codes and JSON bodies, and can keep its state in a directory.
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
  private final EasEmulation eas;
  private final LocalPaiFaults faults;
  private final RequestLog requests;
  private final URI endpoint;
  private final StateDirectory state;
  private final List<PersistentStore> stores = new ArrayList<>();
  private final OssPaths storage;
  private final boolean ownsDataDirectory;
  private final DlcEmulator dlcEmulator;
  private final LocalPaiDlc dlc;

  private LocalPai(LocalPaiOptions options, List<BackendFactory> extraFactories) {
    this.options = options;
    Clock clock = Clock.systemUTC();
    Emulation emulation =
        new Emulation(options.region(), options.accountId(), clock, options.timeScale());
    FaultPlan plan = new FaultPlan(options.randomSeed(), clock);
    // With a state directory, emulated OSS lives beside it: restored jobs keep their checkpoints.
    Optional<Path> dataDirectory =
        options.dataDirectory().or(() -> options.stateDirectory().map(d -> d.resolve("oss-data")));
    this.ownsDataDirectory = dataDirectory.isEmpty();
    this.storage = new OssPaths(dataDirectory.orElseGet(LocalPai::temporaryDirectory));
    this.dlcEmulator =
        DlcEmulator.start(
            emulation, options.dlc(), options.timeScale(), storage, options.randomSeed());
    this.dlc = new LocalPaiDlc(dlcEmulator);
    List<BackendFactory> factories = new ArrayList<>(extraFactories);
    factories.addAll(backendFactories());
    this.eas = new EasEmulation(emulation, factories, options.randomSeed());
    this.faults = new LocalPaiFaults(plan, dlcEmulator, eas);
    this.requests = new RequestLog();
    List<PaiCredentials> accepted = new ArrayList<>();
    accepted.add(credentials(options));
    accepted.addAll(options.additionalCredentials());
    List<ProductHandler> handlers = handlers(emulation, dlcEmulator, eas, stores);
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
    try {
      this.server =
          LocalPaiServer.start(
              options.host(), options.port(), options.ioThreads(), controlPlane, dataPlane(eas));
    } catch (RuntimeException e) {
      eas.close();
      dlcEmulator.close();
      if (state != null) {
        state.close();
      }
      if (ownsDataDirectory) {
        deleteTree(storage.dataDirectory());
      }
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
   * @throws java.io.UncheckedIOException if the state directory cannot be read
   */
  public static LocalPai start(LocalPaiOptions options) {
    Objects.requireNonNull(options, "options");
    return start(options, List.of());
  }

  /**
   * Starts an emulator whose EAS replicas ask {@code extraFactories} first (tests plug in their own
   * backends this way).
   *
   * @param options options
   * @param extraFactories backend factories asked before the built-in ones
   * @return the running emulator
   */
  static LocalPai start(LocalPaiOptions options, List<BackendFactory> extraFactories) {
    Objects.requireNonNull(options, "options");
    return new LocalPai(options, List.copyOf(extraFactories));
  }

  /** Every emulated product; a new product (DLC, EAS) adds its handlers here. */
  private static List<ProductHandler> handlers(
      Emulation emulation, DlcEmulator dlc, EasEmulation eas, List<PersistentStore> stores) {
    List<ProductHandler> handlers = new ArrayList<>();
    handlers.addAll(NetworkHandlers.create(emulation, stores));
    handlers.addAll(WorkspaceHandlers.create(emulation, stores));
    handlers.addAll(dlc.handlers());
    stores.add(dlc.store());
    handlers.addAll(eas.handlers());
    stores.add(eas.store());
    return handlers;
  }

  /**
   * What runs inside EAS replicas, asked in order for each replica; the first that recognises a
   * service wins, and services nobody recognises run an echo container.
   */
  private static List<BackendFactory> backendFactories() {
    return List.of(new EngineBackendFactory());
  }

  /**
   * The stores kept in the state directory, when one is configured.
   *
   * @return the stores
   */
  List<PersistentStore> persistentStores() {
    return List.copyOf(stores);
  }

  /** Non-control-plane routes on LocalPai's port, checked before the control plane. */
  private static List<DataPlaneRoute> dataPlane(EasEmulation eas) {
    return List.of(eas.gateway());
  }

  private static Path temporaryDirectory() {
    try {
      return Files.createTempDirectory("localpai-data-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create LocalPai's data directory", e);
    }
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
   * The DLC emulation: what each training job's simulated script did, and the conventions it
   * follows (environment variables, checkpoint layout).
   *
   * @return the DLC view
   */
  public LocalPaiDlc dlc() {
    return dlc;
  }

  /**
   * The directory behind emulated storage ({@link LocalPaiOptions#dataDirectory()}).
   *
   * @return data directory
   */
  public Path dataDirectory() {
    return storage.dataDirectory();
  }

  /**
   * The local directory that stands for a storage URI: {@code oss://bucket/prefix} (with or without
   * an endpoint after the bucket) is {@code <data directory>/oss/bucket/prefix}.
   *
   * @param uri e.g. {@code oss://my-bucket/checkpoints/run-1/}
   * @return the directory (it may not exist yet)
   * @throws IllegalArgumentException if the URI is not {@code scheme://bucket[/path]} or leaves the
   *     data directory
   */
  public Path storagePath(String uri) {
    return storage
        .resolve(Objects.requireNonNull(uri, "uri"))
        .orElseThrow(() -> new IllegalArgumentException("not a storage URI LocalPai maps: " + uri));
  }

  /**
   * The control-plane requests answered so far.
   *
   * @return the log
   */
  public RequestLog requests() {
    return requests;
  }

  /** Stops the server and its threads, and deletes a temporary data directory. Idempotent. */
  @Override
  public void close() {
    server.close();
    eas.close();
    dlcEmulator.close();
    if (state != null) {
      state.close();
    }
    if (ownsDataDirectory) {
      deleteTree(storage.dataDirectory());
    }
  }

  private static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // Best effort: a temporary directory left behind is harmless.
    }
  }

  @Override
  public String toString() {
    return "LocalPai{" + endpoint + ", region=" + region() + "}";
  }
}
