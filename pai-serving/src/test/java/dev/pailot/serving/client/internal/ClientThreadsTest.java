package dev.pailot.serving.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The client's own I/O executor: platform threads before Java 24, virtual threads from Java 24 on
 * when the runtime has them, platform threads again when it does not (asking for Java 24 behaviour
 * on an older runtime). Run on Java 17 and on Java 25 ({@code -Djvm=.../bin/java}).
 */
class ClientThreadsTest {
  private static final int RUNTIME = Runtime.version().feature();

  /** Whether a task on the executor runs on a virtual thread, and the thread's name. */
  private static String[] probe(ExecutorService io) throws Exception {
    try {
      Future<String[]> seen =
          io.submit(
              () -> {
                Thread t = Thread.currentThread();
                return new String[] {String.valueOf(isVirtual(t)), t.getName()};
              });
      return seen.get();
    } finally {
      io.shutdown();
    }
  }

  private static boolean isVirtual(Thread t) throws ReflectiveOperationException {
    if (RUNTIME < 21) {
      return false;
    }
    Method isVirtual = Thread.class.getMethod("isVirtual");
    return (boolean) isVirtual.invoke(t);
  }

  @Test
  void beforeJava24TheClientUsesNamedPlatformThreads() throws Exception {
    String[] seen = probe(ClientThreads.ownIo(17));
    assertThat(seen[0]).isEqualTo("false");
    assertThat(seen[1]).startsWith("pailot-inference-io-");
  }

  @Test
  void fromJava24OnVirtualThreadsWhenTheRuntimeHasThem() throws Exception {
    String[] seen = probe(ClientThreads.ownIo(ClientThreads.VIRTUAL_FROM));
    assertThat(seen[0]).isEqualTo(String.valueOf(RUNTIME >= 21));
    assertThat(seen[1]).startsWith("pailot-inference-io-");
  }

  @Test
  void theRuntimesOwnVersionDecides() throws Exception {
    String[] seen = probe(ClientThreads.ownIo(RUNTIME));
    assertThat(seen[0]).isEqualTo(String.valueOf(RUNTIME >= ClientThreads.VIRTUAL_FROM));
  }
}
