package dev.pailot.core.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CidrTest {

  @Test
  void parsesIpv4AndIpv6() {
    Cidr v4 = Cidr.parse("10.0.0.0/16");
    assertThat(v4.prefixLength()).isEqualTo(16);
    assertThat(v4.isIpv6()).isFalse();
    assertThat(v4).hasToString("10.0.0.0/16");

    Cidr v6 = Cidr.parse("2001:db8::/32");
    assertThat(v6.isIpv6()).isTrue();
    assertThat(v6.prefixLength()).isEqualTo(32);
    assertThat(Cidr.parse("::/0").isAnyAddress()).isTrue();
    assertThat(Cidr.parse("0.0.0.0/0").isAnyAddress()).isTrue();
  }

  @Test
  void containsAndOverlaps() {
    Cidr vpc = Cidr.parse("10.0.0.0/16");
    assertThat(vpc.contains(Cidr.parse("10.0.1.0/24"))).isTrue();
    assertThat(vpc.contains(vpc)).isTrue();
    assertThat(vpc.contains(Cidr.parse("10.1.0.0/24"))).isFalse();
    assertThat(vpc.contains(Cidr.parse("10.0.0.0/8"))).isFalse();
    assertThat(Cidr.parse("10.0.1.0/24").contains(vpc)).isFalse();

    assertThat(Cidr.parse("10.0.0.0/20").overlaps(Cidr.parse("10.0.1.0/24"))).isTrue();
    assertThat(Cidr.parse("10.0.1.0/24").overlaps(Cidr.parse("10.0.0.0/20"))).isTrue();
    assertThat(Cidr.parse("10.0.1.0/24").overlaps(Cidr.parse("10.0.2.0/24"))).isFalse();
    assertThat(Cidr.parse("10.0.0.0/25").overlaps(Cidr.parse("10.0.0.128/25"))).isFalse();
    assertThat(Cidr.parse("0.0.0.0/0").overlaps(Cidr.parse("::/0"))).isFalse();
  }

  @Test
  void lenientParsingAcceptsBareAddressesAndClearsHostBits() {
    assertThat(Cidr.parseLenient("192.168.1.7")).isEqualTo(Cidr.parse("192.168.1.7/32"));
    assertThat(Cidr.parseLenient("10.0.0.1/16")).isEqualTo(Cidr.parse("10.0.0.0/16"));
    assertThat(Cidr.parseLenient("2001:db8::1")).isEqualTo(Cidr.parse("2001:db8::1/128"));
  }

  @Test
  void equalBlocksAreEqualWhateverTheSpelling() {
    assertThat(Cidr.parse("2001:0db8:0000::/32")).isEqualTo(Cidr.parse("2001:db8::/32"));
    assertThat(Cidr.parse("2001:db8::/32").hashCode())
        .isEqualTo(Cidr.parse("2001:0db8::/32").hashCode());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "10.0.0.0/33",
        "10.0.0.0",
        "10.0.0.256/24",
        "10.0.0/24",
        "010.0.0.0/8",
        "10.0.0.0/-1",
        "10.0.0.0/",
        "example.com/24",
        "localhost/8",
        "gggg::/16",
        "::/129",
        "10.0.0.1/16",
        ""
      })
  void rejectsBadBlocks(String text) {
    assertThatThrownBy(() -> Cidr.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"" + text + "\"");
  }
}
