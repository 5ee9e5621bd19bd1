package dev.pailot.testkit.localpai.internal.eas;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One emulated EAS service: identity, versions, traffic settings, scalers, lifecycle phase, its
 * replicas and events. A plain mutable holder; every access is guarded by the {@link EasStore}
 * monitor and transitions are made by {@link ServiceLifecycle}.
 */
final class EasService {
  /** Lifecycle phases; the status shown is derived from the phase (§3.4). */
  enum Phase {
    /** Just created: {@code Creating}, then {@code Waiting} while replicas load. */
    CREATING,
    /** A rollout (update, rollback, start, restart, scale-out) is loading replicas. */
    DEPLOYING,
    /** Every desired replica of the current rollout is ready. */
    RUNNING,
    /** Replicas are being stopped. */
    STOPPING,
    /** No replicas. */
    STOPPED,
    /** The current rollout's replicas crash. */
    FAILED,
    /** Being deleted; gone afterwards. */
    DELETING
  }

  private static final int MAX_EVENTS = 1000;

  final String name;
  final String id;
  final Instant createdAt;
  final List<ServiceVersion> versions = new ArrayList<>();
  final List<Replica> replicas = new ArrayList<>();
  final Deque<ServiceEvent> events = new ArrayDeque<>();
  final QpsMeter qps = new QpsMeter();
  final ScalingHistory scaling = new ScalingHistory();
  final String token;
  final Optional<String> workspaceId;
  final Map<String, String> labels;
  Instant updatedAt;
  int currentVersion;
  int desired;
  int generation;
  int cursor;
  Phase phase = Phase.CREATING;
  String transition = "Creating";
  Instant phaseSince;
  String failure = "";
  Integer weight;
  boolean standalone;
  MirrorConfig mirror;
  AutoscalerConfig autoscaler;
  CronScalerConfig cronScaler;
  Instant cronScalerCreatedAt;

  EasService(Identity identity, Instant createdAt) {
    this.name = identity.name();
    this.id = identity.id();
    this.token = identity.token();
    this.workspaceId = identity.workspaceId();
    this.labels = new LinkedHashMap<>(identity.labels());
    this.createdAt = createdAt;
    this.updatedAt = createdAt;
    this.phaseSince = createdAt;
  }

  /**
   * What never changes about a service.
   *
   * @param name service name
   * @param id {@code eas-m-...}
   * @param token access token
   * @param workspaceId workspace, if any
   * @param labels labels from {@code CreateService}
   */
  record Identity(
      String name,
      String id,
      String token,
      Optional<String> workspaceId,
      Map<String, String> labels) {
    /** Copies the labels. */
    Identity {
      labels = Map.copyOf(labels);
    }
  }

  ServiceVersion current() {
    return versions.get(currentVersion - 1);
  }

  int latestVersion() {
    return versions.size();
  }

  /**
   * The stored JSON of the current version as EAS reports it: {@code metadata.instance} follows
   * manual and automatic scaling.
   */
  ObjectNode currentConfig() {
    ObjectNode c = current().config().deepCopy();
    ((ObjectNode) c.get("metadata")).put("instance", desired);
    return c;
  }

  Optional<String> group() {
    return current().spec().group();
  }

  void event(ServiceEvent e) {
    events.addLast(e);
    while (events.size() > MAX_EVENTS) {
      events.removeFirst();
    }
  }

  /** Replicas of the current rollout. */
  List<Replica> currentReplicas() {
    return replicas.stream().filter(r -> r.generation() == generation).toList();
  }

  /** Closes and forgets the replicas that match. */
  void retire(Predicate<Replica> which) {
    for (Iterator<Replica> it = replicas.iterator(); it.hasNext(); ) {
      Replica r = it.next();
      if (which.test(r)) {
        r.close();
        it.remove();
      }
    }
  }

  long ready(Instant now) {
    return replicas.stream().filter(r -> r.ready(now)).count();
  }

  /** Ready replicas of the current rollout, the count EAS calls {@code RunningInstance}. */
  long readyCurrent(Instant now) {
    return currentReplicas().stream().filter(r -> r.ready(now)).count();
  }

  boolean deleting() {
    return phase == Phase.DELETING;
  }
}
