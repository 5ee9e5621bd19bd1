package dev.pailot.testkit.localpai.internal.emulation;

import java.util.Optional;

/**
 * An IPv4 CIDR block such as {@code 10.0.0.0/16}. Parsing is strict: four decimal octets, a prefix
 * length 0..32, and no host bits set (Alibaba rejects {@code 10.0.0.1/16}).
 *
 * @param address network address as an unsigned 32-bit value in a long
 * @param prefix prefix length
 */
public record Ipv4Cidr(long address, int prefix) {

  /**
   * Parses a block; a bare address is a {@code /32} when {@code allowBareAddress}.
   *
   * @param text the text
   * @param allowBareAddress whether {@code 10.0.0.1} alone is accepted
   * @return the block, or empty if malformed
   */
  public static Optional<Ipv4Cidr> parse(String text, boolean allowBareAddress) {
    if (text == null) {
      return Optional.empty();
    }
    String[] parts = text.trim().split("/", -1);
    if (parts.length > 2 || (parts.length == 1 && !allowBareAddress)) {
      return Optional.empty();
    }
    Optional<Long> address = address(parts[0]);
    if (address.isEmpty()) {
      return Optional.empty();
    }
    int prefix = 32;
    if (parts.length == 2) {
      if (!parts[1].matches("[0-9]{1,2}")) {
        return Optional.empty();
      }
      prefix = Integer.parseInt(parts[1]);
      if (prefix > 32) {
        return Optional.empty();
      }
    }
    Ipv4Cidr cidr = new Ipv4Cidr(address.get(), prefix);
    return (address.get() & ~cidr.mask() & 0xffffffffL) == 0 ? Optional.of(cidr) : Optional.empty();
  }

  private static Optional<Long> address(String text) {
    String[] octets = text.split("\\.", -1);
    if (octets.length != 4) {
      return Optional.empty();
    }
    long value = 0;
    for (String o : octets) {
      if (!o.matches("0|[1-9][0-9]{0,2}")) {
        return Optional.empty();
      }
      int n = Integer.parseInt(o);
      if (n > 255) {
        return Optional.empty();
      }
      value = (value << 8) | n;
    }
    return Optional.of(value);
  }

  private long mask() {
    return prefix == 0 ? 0 : (0xffffffffL << (32 - prefix)) & 0xffffffffL;
  }

  private long last() {
    return address | (~mask() & 0xffffffffL);
  }

  /**
   * Whether {@code other} lies entirely inside this block.
   *
   * @param other another block
   * @return containment
   */
  public boolean contains(Ipv4Cidr other) {
    return other.prefix >= prefix && (other.address & mask()) == address;
  }

  /**
   * Whether the two blocks share any address.
   *
   * @param other another block
   * @return overlap
   */
  public boolean overlaps(Ipv4Cidr other) {
    return address <= other.last() && other.address <= last();
  }

  /**
   * Number of addresses in the block.
   *
   * @return 2^(32 - prefix)
   */
  public long size() {
    return 1L << (32 - prefix);
  }

  @Override
  public String toString() {
    return ((address >> 24) & 0xff)
        + "."
        + ((address >> 16) & 0xff)
        + "."
        + ((address >> 8) & 0xff)
        + "."
        + (address & 0xff)
        + "/"
        + prefix;
  }
}
