package dev.pailot.core.workspace;

import dev.pailot.core.error.ValidationException;
import dev.pailot.core.internal.MissingAttributes;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The input rules behind {@link WorkspaceSpec} and {@link DatasetSpec}: each check throws a {@link
 * ValidationException} naming the field, the problem and the fix, so bad specs fail before any call
 * reaches PAI.
 */
final class SpecRules {
  /** Our reading of PAI's rule for workspace names; PAI does not publish an exact pattern. */
  static final Pattern WORKSPACE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{2,22}");

  static final Pattern DATASET_NAME =
      Pattern.compile("[A-Za-z0-9\\p{IsHan}][A-Za-z0-9_\\-\\p{IsHan}]{0,126}");
  static final int MAX_WORKSPACE_DESCRIPTION = 80;
  private static final int MAX_LABEL_BYTES = 128;

  // bucket.endpoint: a bucket name (3-63 lower-case letters, digits, hyphens), then an endpoint
  // host with at least one more dot, e.g. my-bucket.oss-cn-shanghai.aliyuncs.com.
  private static final Pattern OSS_URI =
      Pattern.compile("oss://[a-z0-9][a-z0-9-]{1,61}[a-z0-9]\\.[a-z0-9-]+(\\.[a-z0-9-]+)+/\\S*");
  // filesystem-id.region[.more], e.g. nas://0a1b2c3d4e.cn-shanghai/data/ or nas://cpfs-....
  private static final Pattern NAS_URI =
      Pattern.compile("nas://[a-z0-9-]+(\\.[a-z0-9-]+)+/\\S*", Pattern.CASE_INSENSITIVE);
  private static final Pattern MOUNT_PATH = Pattern.compile("/\\S*");

  private SpecRules() {}

  static void workspaceName(String name) {
    if (!WORKSPACE_NAME.matcher(name).matches()) {
      throw ValidationException.invalidField(
          "name",
          "\"" + name + "\" is not a valid workspace name",
          "use 3 to 23 letters, digits or underscores, starting with a letter, e.g. llm_prod");
    }
  }

  static void workspaceDescription(String description) {
    if (description.isBlank() || description.length() > MAX_WORKSPACE_DESCRIPTION) {
      throw ValidationException.invalidField(
          "description",
          "must be 1 to 80 characters (PAI requires it), was " + description.length(),
          "shorten it, or leave it unset for the default \""
              + WorkspaceSpec.DEFAULT_DESCRIPTION
              + "\"");
    }
  }

  static void notBlank(String field, String value, String fix) {
    if (value.isBlank()) {
      throw ValidationException.invalidField(field, "is blank", fix);
    }
  }

  static void datasetName(String name) {
    if (!DATASET_NAME.matcher(name).matches()) {
      throw ValidationException.invalidField(
          "name",
          "\"" + name + "\" is not a valid dataset name",
          "use 1 to 127 letters, digits, '_' or '-', starting with a letter or digit");
    }
  }

  static void uri(String dataset, DataSourceType type, DatasetProperty property, String uri) {
    String scheme = type == DataSourceType.OSS ? "oss://" : "nas://";
    if (!uri.regionMatches(true, 0, scheme, 0, scheme.length())) {
      throw ValidationException.invalidField(
          "uri",
          "\""
              + uri
              + "\" of dataset \""
              + dataset
              + "\" does not start with "
              + scheme
              + " although dataSourceType is "
              + type,
          "use a " + scheme + " URI, or set dataSourceType to match the URI (CPFS is NAS)");
    }
    Pattern pattern = type == DataSourceType.OSS ? OSS_URI : NAS_URI;
    if (!pattern.matcher(uri).matches()) {
      String example =
          type == DataSourceType.OSS
              ? "oss://my-bucket.oss-cn-shanghai.aliyuncs.com/data/"
              : "nas://0a1b2c3d4e.cn-shanghai/data/ (CPFS: nas://cpfs-0123456789abcdef.cn-shanghai/"
                  + "ptc-0123456789abcdef/)";
      throw ValidationException.invalidField(
          "uri",
          "\"" + uri + "\" of dataset \"" + dataset + "\" is not a valid " + type + " URI",
          "write it with the "
              + (type == DataSourceType.OSS ? "bucket.endpoint" : "filesystem.region")
              + " host and a path, e.g. "
              + example);
    }
    if (property == DatasetProperty.FILE && uri.endsWith("/")) {
      throw ValidationException.invalidField(
          "uri",
          "\"" + uri + "\" of dataset \"" + dataset + "\" ends with '/' but property is FILE",
          "point the URI at a file, or set property DIRECTORY");
    }
  }

  static void mountPath(String dataset, String mountPath) {
    if (!MOUNT_PATH.matcher(mountPath).matches()
        || "/".equals(mountPath)
        || mountPath.contains("/../")
        || mountPath.endsWith("/..")) {
      throw ValidationException.invalidField(
          "mountPath",
          "\"" + mountPath + "\" of dataset \"" + dataset + "\" is not an absolute directory path",
          "use an absolute path below the root without spaces or '..', e.g. /mnt/data/");
    }
  }

  static void labels(String dataset, Map<String, String> labels) {
    labels.forEach(
        (key, value) -> {
          if (key.isEmpty() || !labelText(key) || !labelText(value)) {
            throw ValidationException.invalidField(
                "labels",
                "label \"" + key + "\" of dataset \"" + dataset + "\" is not valid",
                "use a non-empty key; keys and values up to 128 bytes without '=' or ','");
          }
        });
  }

  private static boolean labelText(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length <= MAX_LABEL_BYTES
        && text.indexOf('=') < 0
        && text.indexOf(',') < 0;
  }

  /**
   * Turns Immutables' "required attributes are not set" failure into a validation error naming the
   * first missing field.
   */
  static ValidationException missing(
      String type, IllegalStateException e, Map<String, String> fixes) {
    String field = MissingAttributes.names(e).stream().findFirst().orElse("a required field");
    String fix = fixes.getOrDefault(field, "set every required field of " + type);
    return ValidationException.invalidField(field, "is not set on " + type, fix);
  }
}
