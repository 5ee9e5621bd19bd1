package dev.pailot.training;

import dev.pailot.core.error.ValidationException;
import dev.pailot.core.internal.MissingAttributes;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The input rules behind {@link JobSpec} and its parts: each check throws a {@link
 * ValidationException} naming the field, the problem and the fix, so a bad spec fails before any
 * call reaches PAI.
 */
final class SpecRules {
  /**
   * DLC's rule for {@code DisplayName}: 1 to 256 letters, digits, {@code _}, {@code .}, {@code -}.
   */
  static final Pattern DISPLAY_NAME = Pattern.compile("[A-Za-z0-9_.\\-]{1,256}");

  static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern DIGEST = Pattern.compile("@sha256:[0-9a-f]{64}");
  private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.\\-]{0,127}");
  // oss://bucket/path or oss://bucket.endpoint/path; bucket names are 3-63 lower-case letters,
  // digits and hyphens.
  private static final Pattern OSS_URI =
      Pattern.compile("oss://[a-z0-9][a-z0-9-]{1,61}[a-z0-9](\\.[a-z0-9-]+)*/\\S*");
  private static final Pattern MOUNT_PATH = Pattern.compile("/\\S*");

  private SpecRules() {}

  static void displayName(String name) {
    if (!DISPLAY_NAME.matcher(name).matches()) {
      throw ValidationException.invalidField(
          "displayName",
          "\"" + name + "\" is not a valid DLC job name",
          "use 1 to 256 letters, digits, '_', '.' or '-', e.g. llm-sft-run-01");
    }
  }

  static void notBlank(String field, String value, String where, String fix) {
    if (value.isBlank()) {
      throw ValidationException.invalidField(field, "is blank " + where, fix);
    }
  }

  /** A pinned image: a tag other than {@code latest}, or (best) a digest. */
  static void image(RoleType role, String image) {
    String who = "of the " + role.wireValue() + " role";
    if (image.isBlank() || image.chars().anyMatch(Character::isWhitespace)) {
      throw ValidationException.invalidField(
          "image",
          "\"" + image + "\" " + who + " is not an image reference",
          "use registry/repository:tag, best pinned by digest (repository@sha256:...)");
    }
    int at = image.indexOf('@');
    if (at >= 0) {
      if (!DIGEST.matcher(image.substring(at)).matches()) {
        throw ValidationException.invalidField(
            "image",
            "\"" + image + "\" " + who + " has a malformed digest",
            "write the digest as @sha256: followed by 64 lower-case hex digits");
      }
      return;
    }
    int colon = image.lastIndexOf(':');
    String tag = colon > image.lastIndexOf('/') ? image.substring(colon + 1) : "";
    if (tag.isEmpty() || "latest".equalsIgnoreCase(tag)) {
      throw ValidationException.invalidField(
          "image",
          "\""
              + image
              + "\" "
              + who
              + (tag.isEmpty() ? " has no tag" : " uses the moving tag latest")
              + ", so a restarted or resumed job may run different code",
          "pin a version tag (repository:2.3.0) or, best, a digest (repository@sha256:...)");
    }
    if (!TAG.matcher(tag).matches()) {
      throw ValidationException.invalidField(
          "image",
          "\"" + image + "\" " + who + " has an invalid tag",
          "use a tag of letters, digits, '_', '.' or '-' (at most 128 characters)");
    }
  }

  static void ossUri(String field, String owner, String uri) {
    if (!OSS_URI.matcher(uri).matches()) {
      throw ValidationException.invalidField(
          field,
          "\"" + uri + "\" of " + owner + " is not an OSS URI",
          "write it as oss://bucket.endpoint/path/, e.g."
              + " oss://my-bucket.oss-cn-shanghai-internal.aliyuncs.com/data/");
    }
  }

  static void mountPath(String owner, String path) {
    if (!MOUNT_PATH.matcher(path).matches()
        || "/".equals(path)
        || path.contains("/../")
        || path.endsWith("/..")) {
      throw ValidationException.invalidField(
          "mountPath",
          "\"" + path + "\" of " + owner + " is not an absolute directory path",
          "use an absolute path below the root without spaces or '..', e.g. /mnt/data/");
    }
  }

  /** The mount path without trailing slashes, so {@code /mnt/a} and {@code /mnt/a/} collide. */
  static String normalizedMountPath(String path) {
    String p = path;
    while (p.length() > 1 && p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p;
  }

  static void envNames(String job, Map<String, String> envs) {
    for (String name : envs.keySet()) {
      if (!ENV_NAME.matcher(name).matches()) {
        throw ValidationException.invalidField(
            "envs",
            "\"" + name + "\" in job \"" + job + "\" is not a valid environment variable name",
            "use letters, digits and '_', not starting with a digit, e.g. NCCL_DEBUG");
      }
    }
  }

  static ValidationException missing(
      String type, IllegalStateException e, Map<String, String> fixes) {
    String field = MissingAttributes.names(e).stream().findFirst().orElse("a required field");
    String fix = fixes.getOrDefault(field, "set every required field of " + type);
    return ValidationException.invalidField(field, "is not set on " + type, fix);
  }
}
