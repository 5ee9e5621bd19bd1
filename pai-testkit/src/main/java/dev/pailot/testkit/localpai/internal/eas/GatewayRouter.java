package dev.pailot.testkit.localpai.internal.eas;

import dev.pailot.testkit.localpai.internal.backend.ServiceBackend;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * The gateway's decisions, taken under the {@link EasStore} monitor: which service or group a path
 * names, whether the token opens it, which ready replica serves (round robin within a service,
 * release weights or instance counts across a group), and which injected faults and mirror copies
 * apply. Group and mirror draws use one seeded {@link Random} (guarded by the store monitor too),
 * so runs repeat.
 */
final class GatewayRouter {
  private final EasContext ctx;
  private final EasFaults faults;
  private final Random random;

  GatewayRouter(EasContext ctx, EasFaults faults, long seed) {
    this.ctx = ctx;
    this.faults = faults;
    this.random = new Random(seed);
  }

  /**
   * A copy of a request for a mirror target.
   *
   * @param service target service
   * @param token its access token
   */
  record MirrorTarget(String service, String token) {}

  /**
   * What to do with one request.
   *
   * @param status HTTP status of the gateway's own answer, or 200 to hand it to {@code backend}
   * @param text body of the gateway's own answer
   * @param backend the replica's backend when status is 200
   * @param latency injected latency before the replica answers
   * @param mirrors services that receive a copy
   */
  record Decision(
      int status,
      String text,
      ServiceBackend backend,
      Duration latency,
      List<MirrorTarget> mirrors) {
    static Decision refuse(int status, String text) {
      return new Decision(status, text, null, Duration.ZERO, List.of());
    }

    /** What EAS's gateway answers while no replica is ready. */
    static Decision unavailable() {
      return refuse(503, "no healthy upstream");
    }
  }

  /**
   * Routes a request for {@code /api/predict/{name}}.
   *
   * @param name service or group name
   * @param token the caller's token, empty if none was sent
   * @param mirrored whether the request is itself a mirror copy (copies are not mirrored again)
   * @return the decision
   */
  Decision route(String name, Optional<String> token, boolean mirrored) {
    return ctx.store.atomically(() -> decide(name, token, mirrored));
  }

  private Decision decide(String name, Optional<String> token, boolean mirrored) {
    Optional<EasService> service = ctx.store.service(name);
    if (service.isPresent() && token.filter(service.get().token::equals).isPresent()) {
      return pick(service.get(), mirrored);
    }
    Optional<ServiceGroup> group = ctx.store.group(name);
    if (group.isPresent() && token.filter(group.get().token::equals).isPresent()) {
      return member(group.get()).map(s -> pick(s, mirrored)).orElseGet(Decision::unavailable);
    }
    if (service.isPresent() || group.isPresent()) {
      return Decision.refuse(401, "Authorization Failed");
    }
    return Decision.refuse(404, "Not Found: service or group [" + name + "] does not exist");
  }

  /** A group member by release weight, or by ready instances while weights are not all set. */
  private Optional<EasService> member(ServiceGroup g) {
    Instant now = ctx.emulation.now();
    List<EasService> routable = new ArrayList<>();
    for (EasService s : ctx.store.members(g.name)) {
      if (!s.standalone && s.ready(now) > 0) {
        routable.add(s);
      }
    }
    boolean weighted = !routable.isEmpty() && routable.stream().allMatch(s -> s.weight != null);
    long[] shares = new long[routable.size()];
    long total = 0;
    for (int i = 0; i < shares.length; i++) {
      EasService s = routable.get(i);
      shares[i] = weighted ? s.weight : s.ready(now);
      total += shares[i];
    }
    if (total == 0) {
      return Optional.empty();
    }
    long draw = (long) (random.nextDouble() * total);
    for (int i = 0; i < shares.length; i++) {
      draw -= shares[i];
      if (draw < 0) {
        return Optional.of(routable.get(i));
      }
    }
    return Optional.of(routable.get(routable.size() - 1));
  }

  private Decision pick(EasService s, boolean mirrored) {
    Instant now = ctx.emulation.now();
    s.qps.record(now.toEpochMilli());
    if (s.desired == 0) {
      // Scale-from-zero: the first request wakes the autoscaler; it is refused meanwhile.
      ctx.autoscaler.activate(s);
    }
    List<Replica> ready = s.replicas.stream().filter(r -> r.ready(now)).toList();
    if (ready.isEmpty()) {
      return Decision.unavailable();
    }
    Replica replica = ready.get(Math.floorMod(s.cursor++, ready.size()));
    if (faults.drawError(s.name, replica.version())) {
      return Decision.refuse(500, "Internal Server Error (injected by LocalPai)");
    }
    return new Decision(
        200,
        "",
        replica.backend(),
        faults.latency(s.name, replica.version()),
        mirrored ? List.of() : mirrors(s));
  }

  private List<MirrorTarget> mirrors(EasService s) {
    MirrorConfig m = s.mirror;
    if (m == null || m.ratio() == 0 || random.nextInt(100) >= m.ratio()) {
      return List.of();
    }
    List<MirrorTarget> out = new ArrayList<>();
    for (String target : m.targets()) {
      ctx.store.service(target).ifPresent(t -> out.add(new MirrorTarget(t.name, t.token)));
    }
    return out;
  }
}
