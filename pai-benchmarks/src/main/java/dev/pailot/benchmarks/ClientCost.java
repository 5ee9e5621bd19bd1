package dev.pailot.benchmarks;

import java.lang.management.ManagementFactory;

/**
 * What this JVM spent between two points: process CPU time (all threads, GC and JIT included) and
 * bytes allocated by live threads (HotSpot's per-thread counters; threads that ended in between are
 * not counted, so keep clients open until the second snapshot).
 */
record ClientCost(long cpuNanos, long allocatedBytes) {
  static ClientCost now() {
    var os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long[] ids = threads.getAllThreadIds();
    long allocated = 0;
    for (long a : threads.getThreadAllocatedBytes(ids)) {
      if (a > 0) {
        allocated += a;
      }
    }
    return new ClientCost(os.getProcessCpuTime(), allocated);
  }

  ClientCost minus(ClientCost before) {
    return new ClientCost(cpuNanos - before.cpuNanos, allocatedBytes - before.allocatedBytes);
  }
}
