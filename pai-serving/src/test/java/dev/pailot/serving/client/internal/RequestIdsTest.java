package dev.pailot.serving.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Generated request ids are well-formed random UUIDs and do not repeat. */
class RequestIdsTest {
  @Test
  void idsAreVersionFourIetfVariantUuids() {
    for (int i = 0; i < 1_000; i++) {
      String id = RequestIds.next();
      UUID parsed = UUID.fromString(id);
      assertThat(parsed.toString()).isEqualTo(id);
      assertThat(parsed.version()).isEqualTo(4);
      assertThat(parsed.variant()).isEqualTo(2);
    }
  }

  @Test
  void idsDoNotRepeat() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      seen.add(RequestIds.next());
    }
    assertThat(seen).hasSize(10_000);
  }
}
