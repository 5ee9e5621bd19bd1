package dev.pailot.testkit.localpai.internal.emulation;

import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where LocalPai keeps the objects of emulated storage: {@code oss://bucket/prefix} (also with an
 * endpoint, {@code oss://bucket.oss-cn-shanghai-internal.aliyuncs.com/prefix}) is the local
 * directory {@code <data dir>/oss/bucket/prefix}; other schemes ({@code nas://fsid.region/path})
 * map the same way under {@code <data dir>/<scheme>/<first host label>/}. Immutable.
 */
public final class OssPaths {
  private static final Pattern URI =
      Pattern.compile("([a-z][a-z0-9+\\-]*)://([a-z0-9][a-z0-9\\-]*)(?:\\.[^/]*)?(/.*)?");

  private final Path dataDirectory;

  /**
   * Creates the mapping.
   *
   * @param dataDirectory LocalPai's data directory
   */
  public OssPaths(Path dataDirectory) {
    this.dataDirectory = dataDirectory.toAbsolutePath().normalize();
  }

  /**
   * The data directory.
   *
   * @return directory
   */
  public Path dataDirectory() {
    return dataDirectory;
  }

  /**
   * The local directory for a storage URI.
   *
   * @param uri e.g. {@code oss://bucket/ckpt/run-1/}
   * @return the directory; empty if the URI is not of the form {@code scheme://bucket[/path]} or
   *     its path would leave the data directory ({@code ..})
   */
  public Optional<Path> resolve(String uri) {
    Matcher m = URI.matcher(uri.trim());
    if (!m.matches()) {
      return Optional.empty();
    }
    Path bucket = dataDirectory.resolve(m.group(1)).resolve(m.group(2));
    String path = m.group(3) == null ? "" : m.group(3);
    Path dir = bucket;
    for (String segment : path.split("/")) {
      if (segment.equals("..")) {
        return Optional.empty();
      }
      if (!segment.isEmpty() && !segment.equals(".")) {
        dir = dir.resolve(segment);
      }
    }
    return Optional.of(dir);
  }
}
