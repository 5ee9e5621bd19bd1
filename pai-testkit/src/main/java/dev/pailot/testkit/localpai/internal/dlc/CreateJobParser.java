package dev.pailot.testkit.localpai.internal.dlc;

import static dev.pailot.testkit.localpai.internal.dlc.BodyFields.array;
import static dev.pailot.testkit.localpai.internal.dlc.BodyFields.integer;
import static dev.pailot.testkit.localpai.internal.dlc.BodyFields.object;
import static dev.pailot.testkit.localpai.internal.dlc.BodyFields.oneOf;
import static dev.pailot.testkit.localpai.internal.dlc.BodyFields.requiredText;
import static dev.pailot.testkit.localpai.internal.dlc.BodyFields.stringMap;
import static dev.pailot.testkit.localpai.internal.dlc.BodyFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pailot.testkit.localpai.internal.control.ServiceError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validates a {@code CreateJob} body (PAI_API.md §2.2) into a {@link JobDefinition}: required
 * {@code DisplayName}, {@code JobType}, {@code JobSpecs} and {@code UserCommand}; enums checked
 * case-sensitively; errors are {@code MissingParameter}/{@code InvalidParameter} (400) naming the
 * field.
 */
final class CreateJobParser {
  private static final Pattern DISPLAY_NAME = Pattern.compile("[A-Za-z0-9_.\\-]{1,256}");
  private static final Pattern URI = Pattern.compile("[a-z][a-z0-9+.\\-]*://\\S+");
  private static final Set<String> JOB_TYPES =
      Set.of(
          "TFJob",
          "PyTorchJob",
          "MPIJob",
          "XGBoostJob",
          "OneFlowJob",
          "ElasticBatchJob",
          "SlurmJob",
          "RayJob");

  /** Object-valued request fields that GetJob returns as sent. */
  private static final List<String> ECHO_OBJECTS =
      List.of("CodeSource", "UserVpc", "CredentialConfig", "ElasticSpec");

  /** Scalar or array request fields that GetJob returns as sent. */
  private static final List<String> ECHO_VALUES =
      List.of(
          "Description",
          "ThirdpartyLibs",
          "ThirdpartyLibDir",
          "CustomEnvs",
          "SuccessPolicy",
          "SchedulingStrategy",
          "Options",
          "TemplateId",
          "TemplateVersion");

  private CreateJobParser() {}

  /** Validates the body. */
  static JobDefinition parse(JsonNode body) {
    String displayName = displayName(body);
    String jobType = jobType(body);
    String resourceId = text(body, "ResourceId", "ResourceId").orElse("");
    List<RoleSpec> roles =
        JobSpecsParser.parse(body.get("JobSpecs"), jobType, resourceId.isEmpty());
    String userCommand = requiredText(body, "UserCommand", "UserCommand");
    int priority = integer(body, "Priority", "Priority", 1, 9).orElse(1L).intValue();
    long maxMinutes =
        integer(body, "JobMaxRunningTimeMinutes", "JobMaxRunningTimeMinutes", 1, Long.MAX_VALUE)
            .orElse(0L);
    oneOf(body, "Accessibility", "Accessibility", Set.of("PUBLIC", "PRIVATE"));
    successPolicy(body, jobType);
    Map<String, String> envs = stringMap(body, "Envs", "Envs");
    Map<String, String> tags =
        object(body, "Settings", "Settings")
            .map(s -> stringMap(s, "Tags", "Settings.Tags"))
            .orElse(Map.of());
    return new JobDefinition(
        displayName,
        jobType,
        text(body, "WorkspaceId", "WorkspaceId").orElse(""),
        resourceId,
        priority,
        userCommand,
        envs,
        roles,
        dataSources(body),
        maxMinutes,
        tags,
        echo(body, envs));
  }

  private static String displayName(JsonNode body) {
    String name = requiredText(body, "DisplayName", "DisplayName");
    if (!DISPLAY_NAME.matcher(name).matches()) {
      throw ServiceError.invalid(
          "DisplayName", "1 to 256 letters, digits, underscores (_), periods (.) or hyphens (-)");
    }
    return name;
  }

  private static String jobType(JsonNode body) {
    String type = requiredText(body, "JobType", "JobType");
    if (!JOB_TYPES.contains(type)) {
      throw ServiceError.invalid(
          "JobType", "one of " + String.join(", ", JOB_TYPES.stream().sorted().toList()));
    }
    return type;
  }

  private static void successPolicy(JsonNode body, String jobType) {
    Optional<String> policy =
        oneOf(body, "SuccessPolicy", "SuccessPolicy", Set.of("AllWorkers", "ChiefWorker"));
    if (policy.isPresent() && !jobType.equals("TFJob")) {
      throw ServiceError.invalid("SuccessPolicy", "only TFJob supports a success policy");
    }
  }

  private static List<DataSourceSpec> dataSources(JsonNode body) {
    List<DataSourceSpec> out = new ArrayList<>();
    Optional<JsonNode> list = array(body, "DataSources", "DataSources");
    if (list.isEmpty()) {
      return out;
    }
    for (int i = 0; i < list.get().size(); i++) {
      String path = "DataSources[" + i + "]";
      JsonNode ds = list.get().get(i);
      if (!ds.isObject()) {
        throw ServiceError.invalid(path, "must be a JSON object");
      }
      Optional<String> id = text(ds, "DataSourceId", path + ".DataSourceId");
      Optional<String> uri = text(ds, "Uri", path + ".Uri");
      if (id.isEmpty() && uri.isEmpty()) {
        throw ServiceError.missing(path + ".DataSourceId");
      }
      if (uri.isPresent() && !URI.matcher(uri.get()).matches()) {
        throw ServiceError.invalid(path + ".Uri", "a storage URI such as oss://bucket/path/");
      }
      Optional<String> mount = text(ds, "MountPath", path + ".MountPath");
      if (mount.isPresent() && !mount.get().startsWith("/")) {
        throw ServiceError.invalid(path + ".MountPath", "an absolute path such as /mnt/data");
      }
      out.add(new DataSourceSpec(uri.orElse(""), mount.orElse("")));
    }
    return out;
  }

  private static ObjectNode echo(JsonNode body, Map<String, String> envs) {
    ObjectNode echo = JsonNodeFactory.instance.objectNode();
    echo.set("JobSpecs", JobSpecsParser.echo(body.get("JobSpecs")));
    ObjectNode envNode = echo.putObject("Envs");
    envs.forEach(envNode::put);
    array(body, "DataSources", "DataSources").ifPresent(d -> echo.set("DataSources", d.deepCopy()));
    object(body, "Settings", "Settings").ifPresent(s -> echo.set("Settings", s.deepCopy()));
    text(body, "Accessibility", "Accessibility").ifPresent(a -> echo.put("Accessibility", a));
    for (String name : ECHO_OBJECTS) {
      object(body, name, name).ifPresent(v -> echo.set(name, v.deepCopy()));
    }
    for (String name : ECHO_VALUES) {
      BodyFields.field(body, name).ifPresent(v -> echo.set(name, v.deepCopy()));
    }
    return echo;
  }
}
