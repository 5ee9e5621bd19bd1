package dev.pailot.training.checkpoint.internal;

import dev.pailot.core.error.ValidationException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An {@code oss://bucket[.endpoint]/prefix} URI taken apart: the bucket, the endpoint host when the
 * URI names one (DLC's form, e.g. {@code bucket.oss-cn-shanghai-internal.aliyuncs.com}), and the
 * key prefix, ending with {@code /} unless empty.
 *
 * @param bucket bucket name
 * @param endpointHost endpoint host named in the URI, if any
 * @param prefix key prefix, {@code ""} or ending with {@code /}
 */
public record OssLocation(String bucket, Optional<String> endpointHost, String prefix) {
  private static final Pattern URI =
      Pattern.compile("oss://([a-z0-9][a-z0-9-]{1,61}[a-z0-9])((?:\\.[a-z0-9-]+)*)(?:/(\\S*))?");

  /**
   * Parses a URI.
   *
   * @param uri e.g. {@code oss://llm-bucket.oss-cn-shanghai-internal.aliyuncs.com/ckpt/run-1/}
   * @return the parts
   * @throws ValidationException naming {@code uri} if it is not an OSS URI
   */
  public static OssLocation parse(String uri) {
    Matcher m = URI.matcher(uri == null ? "" : uri.trim());
    if (!m.matches()) {
      throw ValidationException.invalidField(
          "uri",
          "\"" + uri + "\" is not an OSS URI",
          "write it as oss://bucket[.endpoint]/path/, e.g. oss://llm-bucket/ckpt/run-1/");
    }
    String host = m.group(2).isEmpty() ? null : m.group(2).substring(1);
    String path = m.group(3) == null ? "" : m.group(3);
    while (path.startsWith("/")) {
      path = path.substring(1);
    }
    if (!path.isEmpty() && !path.endsWith("/")) {
      path = path + "/";
    }
    return new OssLocation(m.group(1), Optional.ofNullable(host), path);
  }

  /**
   * The location as {@code oss://bucket/prefix} (without the endpoint), for messages.
   *
   * @return URI text
   */
  public String uri() {
    return "oss://" + bucket + "/" + prefix;
  }
}
