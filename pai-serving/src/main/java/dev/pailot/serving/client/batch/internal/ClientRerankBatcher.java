package dev.pailot.serving.client.batch.internal;

import dev.pailot.serving.client.InferenceClient;
import dev.pailot.serving.client.PriorityClass;
import dev.pailot.serving.client.RerankRequest;
import dev.pailot.serving.client.RerankResult;
import dev.pailot.serving.client.RerankScore;
import dev.pailot.serving.client.batch.BatchSettings;
import dev.pailot.serving.client.batch.RerankBatcher;
import dev.pailot.serving.client.batch.TokenEstimator;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A {@link RerankBatcher} over an {@link InferenceClient}: requests with the same {@link Key} are
 * concatenated into one {@code rerankAsync} call and the scores split back. Thread-safe.
 */
public final class ClientRerankBatcher implements RerankBatcher {
  private final BatchEngine<RerankRequest, RerankResult> engine;
  private final TokenEstimator estimator;
  private final InferenceClient client;
  private final BatchRejections rejections;

  /** What members of one batch share: everything in the request but the documents and topN. */
  record Key(
      Optional<String> model,
      String query,
      boolean returnDocuments,
      Map<String, Object> extraBody,
      PriorityClass priorityClass) {
    static Key of(RerankRequest r) {
      return new Key(r.model(), r.query(), r.returnDocuments(), r.extraBody(), r.priorityClass());
    }
  }

  /**
   * Creates a batcher.
   *
   * @param client sends the batches
   * @param settings limits
   * @param registry where the batch meters go
   * @param clock time and timer; the batcher closes it
   */
  public ClientRerankBatcher(
      InferenceClient client, BatchSettings settings, MeterRegistry registry, BatchClock clock) {
    Objects.requireNonNull(settings, "settings");
    this.client = client;
    this.rejections = new BatchRejections("rerank", client.serviceName());
    this.estimator = settings.tokenEstimator();
    this.engine =
        new BatchEngine<>(
            settings,
            this::send,
            clock,
            new BatchMetrics(registry, client.serviceName(), "rerank"),
            rejections);
  }

  private CompletableFuture<List<RerankResult>> send(
      Object key, List<RerankRequest> members, long waitedNanos) {
    Key k = (Key) key;
    int[] offsets = new int[members.size() + 1];
    RerankRequest.Builder b =
        RerankRequest.builder()
            .model(k.model())
            .query(k.query())
            .returnDocuments(k.returnDocuments())
            .extraBody(k.extraBody())
            .priorityClass(k.priorityClass());
    Duration deadline = null;
    for (int i = 0; i < members.size(); i++) {
      RerankRequest m = members.get(i);
      b.addAllDocuments(m.documents());
      offsets[i + 1] = offsets[i] + m.documents().size();
      if (m.deadline().isPresent()) {
        Duration left = m.deadline().get().minusNanos(waitedNanos);
        deadline = deadline == null || left.compareTo(deadline) < 0 ? left : deadline;
      }
    }
    if (deadline != null) {
      b.deadline(deadline.compareTo(Duration.ofMillis(1)) < 0 ? Duration.ofMillis(1) : deadline);
    }
    return CancelThrough.map(client.rerankAsync(b.build()), r -> split(r, members, offsets));
  }

  private List<RerankResult> split(RerankResult r, List<RerankRequest> members, int[] offsets) {
    List<List<RerankScore>> scores = new ArrayList<>();
    members.forEach(m -> scores.add(new ArrayList<>()));
    for (RerankScore s : r.results()) { // best first; each member keeps that order
      int m = Arrays.binarySearch(offsets, s.index());
      m = m >= 0 ? m : -m - 2;
      if (s.index() < 0 || m >= members.size()) {
        throw rejections.mismatch(offsets[members.size()], r.results().size());
      }
      scores.get(m).add(RerankScore.builder().from(s).index(s.index() - offsets[m]).build());
    }
    List<RerankResult> out = new ArrayList<>(members.size());
    for (int i = 0; i < members.size(); i++) {
      List<RerankScore> mine = scores.get(i);
      int top = members.get(i).topN().orElse(mine.size());
      out.add(
          RerankResult.builder()
              .results(mine.subList(0, Math.min(top, mine.size())))
              .model(r.model())
              .requestId(r.requestId())
              .timings(r.timings())
              .build());
    }
    return out;
  }

  @Override
  public CompletableFuture<RerankResult> rerank(RerankRequest request) {
    Objects.requireNonNull(request, "request");
    long tokens = 0;
    int q = estimator.estimate(request.query());
    for (String d : request.documents()) {
      tokens += q + estimator.estimate(d);
    }
    return engine.submit(request, Key.of(request), request.documents().size(), tokens);
  }

  @Override
  public int pending() {
    return engine.pending();
  }

  @Override
  public int inFlight() {
    return engine.inFlight();
  }

  @Override
  public void close() {
    engine.close();
  }

  @Override
  public void closeNow() {
    engine.closeNow();
  }
}
