package dev.pailot.testkit.localpai.internal.dlc;

import static dev.pailot.testkit.localpai.internal.dlc.BodyFields.integer;
import static dev.pailot.testkit.localpai.internal.dlc.BodyFields.number;
import static dev.pailot.testkit.localpai.internal.dlc.BodyFields.object;
import static dev.pailot.testkit.localpai.internal.dlc.BodyFields.oneOf;
import static dev.pailot.testkit.localpai.internal.dlc.BodyFields.requiredText;
import static dev.pailot.testkit.localpai.internal.dlc.BodyFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pailot.testkit.localpai.internal.control.ServiceError;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Validates {@code CreateJob.JobSpecs} (PAI_API.md §2.3): a role {@code Type} allowed for the job
 * type, an {@code Image}, {@code PodCount > 0}, an {@code EcsSpec} or {@code ResourceConfig}, and a
 * well-formed {@code SpotSpec}.
 */
final class JobSpecsParser {
  /**
   * Roles per job type. TFJob, PyTorch-like and RayJob roles are documented; MPIJob ({@code
   * Launcher}/{@code Worker}) and SlurmJob ({@code Worker}/{@code Master}) are our reading.
   */
  private static final Map<String, Set<String>> ROLES =
      Map.of(
          "TFJob", Set.of("Chief", "PS", "Worker", "Evaluator", "GraphLearn"),
          "PyTorchJob", Set.of("Worker", "Master"),
          "XGBoostJob", Set.of("Worker", "Master"),
          "OneFlowJob", Set.of("Worker", "Master"),
          "ElasticBatchJob", Set.of("Worker", "Master"),
          "MPIJob", Set.of("Launcher", "Worker"),
          "SlurmJob", Set.of("Worker", "Master"),
          "RayJob", Set.of("Head", "Worker"));

  private static final Set<String> RESTART_POLICIES =
      Set.of("Always", "Never", "OnFailure", "ExitCode");
  private static final Set<String> RESOURCE_FIELDS =
      Set.of("CPU", "GPU", "GPUType", "Memory", "SharedMemory");
  private static final int MAX_PODS = 10_000;

  private JobSpecsParser() {}

  /** The roles of {@code JobSpecs}; {@code publicResources} when the job names no ResourceId. */
  static List<RoleSpec> parse(JsonNode specs, String jobType, boolean publicResources) {
    if (specs == null || specs.isNull() || specs.isArray() && specs.isEmpty()) {
      throw ServiceError.missing("JobSpecs");
    }
    if (!specs.isArray()) {
      throw ServiceError.invalid("JobSpecs", "must be a JSON array of role specs");
    }
    List<RoleSpec> roles = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < specs.size(); i++) {
      String path = "JobSpecs[" + i + "]";
      JsonNode spec = specs.get(i);
      if (!spec.isObject()) {
        throw ServiceError.invalid(path, "must be a JSON object");
      }
      RoleSpec role = role(spec, path, jobType, publicResources);
      if (!seen.add(role.type())) {
        throw ServiceError.invalid(path + ".Type", "each role may appear once, " + role.type());
      }
      roles.add(role);
    }
    return roles;
  }

  /** A copy of {@code JobSpecs} for echoing, with registry passwords masked. */
  static ArrayNode echo(JsonNode specs) {
    ArrayNode copy = (ArrayNode) specs.deepCopy();
    for (JsonNode spec : copy) {
      JsonNode image = spec.get("ImageConfig");
      if (image instanceof ObjectNode config) {
        for (String secret : new String[] {"Password", "Auth"}) {
          if (config.has(secret)) {
            config.put(secret, "******");
          }
        }
      }
    }
    return copy;
  }

  private static RoleSpec role(JsonNode spec, String path, String jobType, boolean publicRes) {
    String type = requiredText(spec, "Type", path + ".Type");
    Set<String> allowed = ROLES.getOrDefault(jobType, Set.of());
    boolean rayWorker = jobType.equals("RayJob") && type.startsWith("Worker-");
    if (!allowed.contains(type) && !rayWorker) {
      throw ServiceError.invalid(
          path + ".Type", "a " + jobType + " role is one of " + String.join(", ", allowed));
    }
    String image = requiredText(spec, "Image", path + ".Image");
    long pods =
        integer(spec, "PodCount", path + ".PodCount", 1, MAX_PODS)
            .orElseThrow(() -> ServiceError.missing(path + ".PodCount"));
    Optional<String> ecsSpec = text(spec, "EcsSpec", path + ".EcsSpec");
    boolean resourceConfig = resourceConfig(spec, path);
    if (ecsSpec.isEmpty() && !resourceConfig) {
      throw ServiceError.missing(path + ".EcsSpec");
    }
    if (ecsSpec.isEmpty() && publicRes) {
      // Our reading: public (pay-as-you-go) resources are chosen by instance type only.
      throw ServiceError.invalid(
          path + ".EcsSpec",
          "required on public resources (no ResourceId); ResourceConfig needs one");
    }
    oneOf(spec, "RestartPolicy", path + ".RestartPolicy", RESTART_POLICIES);
    boolean spot = spotSpec(spec, path, ecsSpec.isPresent());
    return new RoleSpec(type, image, (int) pods, ecsSpec.orElse(""), spot);
  }

  private static boolean resourceConfig(JsonNode spec, String path) {
    Optional<JsonNode> config = object(spec, "ResourceConfig", path + ".ResourceConfig");
    if (config.isEmpty()) {
      return false;
    }
    for (String name : RESOURCE_FIELDS) {
      text(config.get(), name, path + ".ResourceConfig." + name);
    }
    return true;
  }

  private static boolean spotSpec(JsonNode spec, String path, boolean hasEcsSpec) {
    String p = path + ".SpotSpec";
    Optional<JsonNode> spot = object(spec, "SpotSpec", p);
    if (spot.isEmpty()) {
      return false;
    }
    String strategy = requiredText(spot.get(), "SpotStrategy", p + ".SpotStrategy");
    if (!strategy.equals("SpotWithPriceLimit")) {
      throw ServiceError.invalid(p + ".SpotStrategy", "must be SpotWithPriceLimit");
    }
    Optional<Double> discount = number(spot.get(), "SpotDiscountLimit", p + ".SpotDiscountLimit");
    Optional<Double> price = number(spot.get(), "SpotPriceLimit", p + ".SpotPriceLimit");
    if (discount.isPresent() == price.isPresent()) {
      throw ServiceError.invalid(p, "give exactly one of SpotDiscountLimit and SpotPriceLimit");
    }
    if (discount.isPresent() && !(discount.get() > 0 && discount.get() <= 1)) {
      throw ServiceError.invalid(
          p + ".SpotDiscountLimit", "must be above 0 and at most 1, e.g. 0.8");
    }
    if (price.isPresent() && !(price.get() > 0)) {
      throw ServiceError.invalid(p + ".SpotPriceLimit", "must be a positive price per minute");
    }
    if (!hasEcsSpec) {
      throw ServiceError.invalid(p, "spot instances need an EcsSpec (instance type)");
    }
    return true;
  }
}
