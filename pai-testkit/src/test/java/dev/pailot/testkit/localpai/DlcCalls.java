package dev.pailot.testkit.localpai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pailot.core.Pai;
import dev.pailot.core.Product;
import dev.pailot.core.internal.PaiRuntime;
import dev.pailot.core.internal.transport.ApiRequest;
import dev.pailot.core.internal.transport.Operation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** DLC calls through the real SDK pipeline, and a minimal valid CreateJob body. */
final class DlcCalls {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String GPU = "ecs.gn7i-c8g1.2xlarge";
  static final Set<String> TERMINAL = Set.of("Succeeded", "Failed", "Stopped");

  private DlcCalls() {}

  /** Emulated minutes of 10 ms; each test class passes its own DLC options. */
  static LocalPaiOptions options(LocalPaiDlcOptions dlc) {
    return LocalPaiOptions.builder().timeScale(Duration.ofMillis(10)).dlc(dlc).build();
  }

  static JsonNode call(
      Pai pai,
      String method,
      String path,
      String action,
      Map<String, String> pathParams,
      Map<String, String> query,
      JsonNode body) {
    ApiRequest.Builder b =
        ApiRequest.of(Operation.roa(Product.DLC, action, method, path, !method.equals("POST")));
    pathParams.forEach(b::path);
    query.forEach(b::query);
    if (body != null) {
      b.body(body);
    }
    return PaiRuntime.of(pai).call(b.build()).body();
  }

  /** A one-role PyTorchJob on public resources; add to it as a test needs. */
  static ObjectNode jobBody(String name, int pods) {
    ObjectNode body =
        JSON.createObjectNode()
            .put("DisplayName", name)
            .put("JobType", "PyTorchJob")
            .put("UserCommand", "python train.py");
    body.putArray("JobSpecs")
        .addObject()
        .put("Type", "Worker")
        .put("Image", "registry.cn-shanghai.aliyuncs.com/pai/pytorch:2.3")
        .put("PodCount", pods)
        .put("EcsSpec", GPU);
    body.putObject("Envs");
    return body;
  }

  /** Makes every role of the body run on spot instances. */
  static ObjectNode spot(ObjectNode body) {
    for (JsonNode spec : body.get("JobSpecs")) {
      ((ObjectNode) spec)
          .putObject("SpotSpec")
          .put("SpotStrategy", "SpotWithPriceLimit")
          .put("SpotDiscountLimit", 0.5);
    }
    return body;
  }

  static ObjectNode env(ObjectNode body, String name, Object value) {
    ((ObjectNode) body.get("Envs")).put(name, String.valueOf(value));
    return body;
  }

  static String create(Pai pai, JsonNode body) {
    return call(pai, "POST", "/api/v1/jobs", "CreateJob", Map.of(), Map.of(), body)
        .get("JobId")
        .asText();
  }

  static JsonNode get(Pai pai, String jobId) {
    return call(
        pai, "GET", "/api/v1/jobs/{JobId}", "GetJob", Map.of("JobId", jobId), Map.of(), null);
  }

  static JsonNode list(Pai pai, Map<String, String> query) {
    return call(pai, "GET", "/api/v1/jobs", "ListJobs", Map.of(), query, null);
  }

  static JsonNode stop(Pai pai, String jobId) {
    return call(
        pai,
        "POST",
        "/api/v1/jobs/{JobId}/stop",
        "StopJob",
        Map.of("JobId", jobId),
        Map.of(),
        null);
  }

  static JsonNode delete(Pai pai, String jobId) {
    return call(
        pai, "DELETE", "/api/v1/jobs/{JobId}", "DeleteJob", Map.of("JobId", jobId), Map.of(), null);
  }

  static List<String> events(Pai pai, String jobId) {
    JsonNode r =
        call(
            pai,
            "GET",
            "/api/v1/jobs/{JobId}/events",
            "GetJobEvents",
            Map.of("JobId", jobId),
            Map.of(),
            null);
    return texts(r.get("Events"));
  }

  static JsonNode logs(Pai pai, String jobId, String podId, Map<String, String> query) {
    return call(
        pai,
        "GET",
        "/api/v1/jobs/{JobId}/pods/{PodId}/logs",
        "GetPodLogs",
        Map.of("JobId", jobId, "PodId", podId),
        query,
        null);
  }

  static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  /** Polls GetJob until the job's status is one of {@code statuses}; returns the job. */
  static JsonNode awaitStatus(Pai pai, String jobId, String... statuses) {
    Set<String> wanted = Set.of(statuses);
    return await(() -> get(pai, jobId), j -> wanted.contains(j.get("Status").asText()));
  }

  /** Polls until the job has ended; returns it. */
  static JsonNode awaitEnd(Pai pai, String jobId) {
    return await(() -> get(pai, jobId), j -> TERMINAL.contains(j.get("Status").asText()));
  }

  /** Polls until an event contains {@code text}. */
  static void awaitEvent(Pai pai, String jobId, String text) {
    await(() -> events(pai, jobId), e -> e.stream().anyMatch(s -> s.contains(text)));
  }

  /** Polls until {@code done} holds; fails after a generous deadline (not a timing assertion). */
  static <T> T await(Supplier<T> poll, Predicate<T> done) {
    Instant deadline = Instant.now().plusSeconds(30);
    T last = poll.get();
    while (!done.test(last)) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("condition not reached; last value: " + last);
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
      last = poll.get();
    }
    return last;
  }

  static List<String> statuses(JsonNode job) {
    List<String> out = new ArrayList<>();
    job.get("StatusHistory").forEach(h -> out.add(h.get("Status").asText()));
    return out;
  }
}
