package dev.pailot.testkit.localpai.internal.dlc;

/**
 * One of a job's {@code DataSources}: storage mounted into every pod.
 *
 * @param uri storage URI, e.g. {@code oss://bucket.oss-cn-shanghai-internal.aliyuncs.com/ckpt/};
 *     empty when the source is named only by {@code DataSourceId}
 * @param mountPath where it is mounted; empty for the dataset's default
 */
record DataSourceSpec(String uri, String mountPath) {}
