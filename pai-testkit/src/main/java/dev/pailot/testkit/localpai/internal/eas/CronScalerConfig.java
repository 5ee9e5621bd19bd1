package dev.pailot.testkit.localpai.internal.eas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pailot.testkit.localpai.internal.control.ServiceError;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A service's cron scaler (§3.6): scheduled target replica counts. LocalPai stores, validates and
 * describes it; it does not fire the schedules, because emulated time has no wall-clock date.
 *
 * @param jobs scale jobs
 * @param excludeDates cron expressions of dates to skip
 * @param body the request body as sent, kept for persistence
 */
record CronScalerConfig(List<Job> jobs, List<String> excludeDates, ObjectNode body) {
  /**
   * One scheduled scale job.
   *
   * @param name job name (generated when absent)
   * @param schedule cron expression
   * @param targetSize replicas to scale to
   * @param timeZone time zone id, empty for the region default
   */
  record Job(String name, String schedule, int targetSize, String timeZone) {}

  /**
   * Reads and validates {@code {ScaleJobs[], ExcludeDates[]}}.
   *
   * @param body request body
   * @return the config
   * @throws ServiceError naming the field
   */
  static CronScalerConfig parse(ObjectNode body) {
    JsonNode jobs = body.get("ScaleJobs");
    if (jobs == null || !jobs.isArray() || jobs.isEmpty()) {
      throw ServiceError.missing("ScaleJobs");
    }
    List<Job> out = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (JsonNode j : jobs) {
      String schedule = j.path("Schedule").asText("");
      if (schedule.isBlank()) {
        throw ServiceError.missing("ScaleJobs[].Schedule");
      }
      CronExpression.check("ScaleJobs[].Schedule", schedule);
      JsonNode size = j.get("TargetSize");
      if (size == null || !size.isIntegralNumber() || size.asInt() < 0 || size.asInt() > 1000) {
        throw ServiceError.invalid("ScaleJobs[].TargetSize", "an integer from 0 to 1000");
      }
      String name = j.path("Name").asText("scale-job-" + (out.size() + 1));
      if (!names.add(name)) {
        throw ServiceError.invalid(
            "ScaleJobs[].Name", "names must be unique; \"" + name + "\" repeats");
      }
      out.add(new Job(name, schedule, size.asInt(), j.path("TimeZone").asText("")));
    }
    List<String> exclude = new ArrayList<>();
    for (JsonNode d : body.path("ExcludeDates")) {
      CronExpression.check("ExcludeDates", d.asText(""));
      exclude.add(d.asText());
    }
    return new CronScalerConfig(List.copyOf(out), List.copyOf(exclude), body.deepCopy());
  }
}
