package dev.pailot.testkit.localpai.internal.dlc;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import dev.pailot.testkit.localpai.internal.emulation.PersistentStore;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Every DLC job in creation order, behind one lock, and their JSON snapshot. Handlers and the
 * simulator run their check-then-act sequences in {@link #locked}; nothing holding the lock does
 * I/O or waits, so a Netty thread never waits long for it.
 */
final class JobStore implements PersistentStore {
  private static final int FORMAT = 1;
  private static final ObjectMapper JSON = snapshotMapper();

  private final Map<String, DlcJob> jobs = new LinkedHashMap<>();
  private final Set<String> active = new LinkedHashSet<>();
  private Instant lastRelease = Instant.EPOCH;
  private long sequence;
  private long podCounter;

  /** Runs {@code work} under the lock. */
  synchronized <T> T locked(Supplier<T> work) {
    return work.get();
  }

  /** Runs {@code work} under the lock. */
  synchronized void locked(Runnable work) {
    work.run();
  }

  synchronized long nextSequence() {
    return ++sequence;
  }

  /** A new pod ordinal, for unique IPs and node names across restarts. */
  synchronized long nextPodOrdinal() {
    return ++podCounter;
  }

  synchronized void add(DlcJob job) {
    jobs.put(job.id, job);
    active.add(job.id);
  }

  synchronized Optional<DlcJob> get(String id) {
    return Optional.ofNullable(jobs.get(id));
  }

  synchronized void remove(String id) {
    jobs.remove(id);
    active.remove(id);
  }

  /** Every job, oldest first. The jobs themselves are live: read them under the lock. */
  synchronized List<DlcJob> all() {
    return new ArrayList<>(jobs.values());
  }

  /**
   * The jobs that have not ended, oldest first, so that a tick costs nothing for the many finished
   * jobs of a long run. Ended jobs leave the set here, noting when they released capacity.
   */
  synchronized List<DlcJob> active() {
    List<DlcJob> out = new ArrayList<>();
    for (Iterator<String> it = active.iterator(); it.hasNext(); ) {
      DlcJob job = jobs.get(it.next());
      if (job != null && !job.status.terminal()) {
        out.add(job);
        continue;
      }
      it.remove();
      if (job != null && !job.pods.isEmpty() && job.finishedAt.isAfter(lastRelease)) {
        lastRelease = job.finishedAt;
      }
    }
    return out;
  }

  /** When the latest job that left {@link #active()} released its pods. */
  synchronized Instant lastRelease() {
    return lastRelease;
  }

  @Override
  public String storeName() {
    return "dlc-jobs";
  }

  @Override
  public synchronized JsonNode snapshot() {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT).put("sequence", sequence).put("podCounter", podCounter);
    root.put("lastRelease", lastRelease.toString());
    ArrayNode list = root.putArray("jobs");
    jobs.values().forEach(j -> list.add(JSON.valueToTree(j)));
    return root;
  }

  @Override
  public synchronized void restore(JsonNode snapshot) {
    if (snapshot.path("format").asInt() != FORMAT) {
      throw new IllegalArgumentException(
          "not a DLC job snapshot of format " + FORMAT + ": " + snapshot.path("format"));
    }
    Map<String, DlcJob> restored = new LinkedHashMap<>();
    for (JsonNode node : snapshot.path("jobs")) {
      try {
        DlcJob job = JSON.treeToValue(node, DlcJob.class);
        restored.put(job.id, job);
      } catch (IOException e) {
        throw new IllegalArgumentException("unreadable DLC job in snapshot: " + e.getMessage(), e);
      }
    }
    jobs.clear();
    jobs.putAll(restored);
    active.clear();
    restored.values().stream().filter(j -> !j.status.terminal()).forEach(j -> active.add(j.id));
    lastRelease = Instant.parse(snapshot.path("lastRelease").asText(Instant.EPOCH.toString()));
    sequence = snapshot.path("sequence").asLong();
    podCounter = snapshot.path("podCounter").asLong();
  }

  /** Reads and writes the job classes by their fields, with instants as ISO-8601 text. */
  private static ObjectMapper snapshotMapper() {
    SimpleModule instants = new SimpleModule("instants");
    instants.addSerializer(Instant.class, ToStringSerializer.instance);
    instants.addDeserializer(
        Instant.class,
        new JsonDeserializer<>() {
          @Override
          public Instant deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            return Instant.parse(p.getValueAsString());
          }
        });
    ObjectMapper mapper = new ObjectMapper().registerModule(instants);
    mapper.setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE);
    mapper.setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY);
    mapper.setVisibility(PropertyAccessor.CREATOR, JsonAutoDetect.Visibility.ANY);
    // A newer snapshot may carry fields this version does not know; keep what it knows.
    mapper.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    return mapper;
  }
}
