package dev.pailot.training;

import dev.pailot.core.error.ValidationException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The rules of {@link JobSpec} that involve more than one field. */
final class JobSpecChecks {
  /** Job types whose pods are led by the first Worker when no Master is given. */
  private static final Set<JobType> NEED_WORKER =
      EnumSet.of(
          JobType.PYTORCH_JOB, JobType.XGBOOST_JOB, JobType.ONEFLOW_JOB, JobType.ELASTIC_BATCH_JOB);

  private JobSpecChecks() {}

  static void roles(JobSpec spec) {
    String job = "job \"" + spec.displayName() + "\"";
    if (spec.roles().isEmpty()) {
      throw ValidationException.invalidField(
          "roles",
          job + " has no roles",
          "add one, e.g. addRoles(RoleSpec.worker(image).ecsSpec(type).build())");
    }
    Set<RoleType> seen = EnumSet.noneOf(RoleType.class);
    Set<RoleType> allowed = spec.jobType().allowedRoles();
    for (RoleSpec r : spec.roles()) {
      if (!seen.add(r.type())) {
        throw ValidationException.invalidField(
            "roles",
            job + " has the " + r.type().wireValue() + " role twice",
            "give each role once and set its podCount");
      }
      if (!allowed.isEmpty() && !allowed.contains(r.type())) {
        throw ValidationException.invalidField(
            "roles",
            "a " + spec.jobType().wireValue() + " cannot have a " + r.type().wireValue() + " role",
            "use the roles of " + spec.jobType().wireValue() + ": " + names(allowed));
      }
    }
    if (NEED_WORKER.contains(spec.jobType()) && !seen.contains(RoleType.WORKER)) {
      throw ValidationException.invalidField(
          "roles",
          job + " (" + spec.jobType().wireValue() + ") has no Worker role",
          "add a Worker role; a Master is optional");
    }
  }

  static void resources(JobSpec spec) {
    boolean group = spec.resourceId().isPresent();
    for (RoleSpec r : spec.roles()) {
      String role = "the " + r.type().wireValue() + " role of job \"" + spec.displayName() + "\"";
      if (group && r.ecsSpec().isPresent()) {
        throw ValidationException.invalidField(
            "ecsSpec",
            role
                + " gives an instance type, but the job runs on resource group "
                + spec.resourceId().get(),
            "give resources(ResourceConfig...) instead, or drop resourceId to use public"
                + " pay-as-you-go resources");
      }
      if (!group && r.resources().isPresent()) {
        throw ValidationException.invalidField(
            "resourceId",
            role + " gives a resource config, which needs a resource group or quota",
            "set resourceId(\"quota...\"), or give ecsSpec(instance type) for public resources");
      }
    }
  }

  static void limits(JobSpec spec) {
    String job = "job \"" + spec.displayName() + "\"";
    spec.maxRunningTimeMinutes()
        .filter(m -> m <= 0)
        .ifPresent(
            m -> {
              throw ValidationException.invalidField(
                  "maxRunningTimeMinutes",
                  m + " minutes for " + job,
                  "use a positive number of minutes, e.g. 1440 for a day");
            });
    spec.priority()
        .filter(p -> p < 1 || p > 9)
        .ifPresent(
            p -> {
              throw ValidationException.invalidField(
                  "priority", p + " for " + job + " is outside 1 to 9", "use 1 (lowest) to 9");
            });
    blank("workspaceId", spec.workspaceId(), job, "leave it unset for the default workspace");
    blank("resourceId", spec.resourceId(), job, "leave it unset for public resources");
    blank("thirdpartyLibDir", spec.thirdpartyLibDir(), job, "leave it unset");
  }

  static void mountPaths(JobSpec spec) {
    Map<String, String> owners = new LinkedHashMap<>();
    for (DataSourceSpec d : spec.dataSources()) {
      d.mountPath().ifPresent(p -> claim(spec, owners, p, d.describe()));
    }
    spec.codeSource()
        .ifPresent(c -> c.mountPath().ifPresent(p -> claim(spec, owners, p, "the code source")));
    spec.checkpoint().ifPresent(c -> claim(spec, owners, c.mountPath(), "the checkpoint location"));
  }

  private static void claim(JobSpec spec, Map<String, String> owners, String path, String owner) {
    String previous = owners.putIfAbsent(SpecRules.normalizedMountPath(path), owner);
    if (previous != null) {
      throw ValidationException.invalidField(
          "mountPath",
          "\""
              + path
              + "\" is used by both "
              + previous
              + " and "
              + owner
              + " in job \""
              + spec.displayName()
              + "\"",
          "give each data source, the code source and the checkpoint its own mount path");
    }
  }

  private static void blank(String field, Optional<String> value, String job, String fix) {
    value.ifPresent(v -> SpecRules.notBlank(field, v, "in " + job, fix));
  }

  private static String names(Set<RoleType> roles) {
    return String.join(", ", roles.stream().sorted().map(RoleType::wireValue).toList());
  }
}
