/**
 * Benchmarks of the inference client against LocalPai (issue 6, benchmarks 1 to 4). Not an API:
 * each benchmark is a main class started by {@link dev.pailot.benchmarks.BenchmarkLauncher} in its
 * own JVM, with LocalPai in another process so client CPU, allocation and heap are the client's.
 */
package dev.pailot.benchmarks;
