package dev.pailot.core.network;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An IPv4 or IPv6 address block in CIDR notation, e.g. {@code 10.0.0.0/16} or {@code ::/0}.
 *
 * <pre>{@code
 * Cidr vpc = Cidr.parse("10.0.0.0/16");
 * vpc.contains(Cidr.parse("10.0.1.0/24"));   // true
 * vpc.overlaps(Cidr.parse("10.1.0.0/16"));   // false
 * }</pre>
 *
 * <p>Immutable and thread-safe. Parsing never touches the network (no DNS lookups).
 */
public final class Cidr {
  private static final Pattern IPV4 =
      Pattern.compile(
          "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
  private static final Pattern IPV6_CHARS = Pattern.compile("[0-9a-fA-F:][0-9a-fA-F:.]*");

  private final byte[] address;
  private final int prefixLength;

  private Cidr(byte[] address, int prefixLength) {
    this.address = address;
    this.prefixLength = prefixLength;
  }

  /**
   * Parses {@code address/prefix}. The address must be a literal; host bits must be zero (write
   * {@code 10.0.0.0/16}, not {@code 10.0.0.1/16}).
   *
   * @param text the block, e.g. {@code 10.0.0.0/16}
   * @return the block
   * @throws IllegalArgumentException saying what is wrong with {@code text}
   */
  public static Cidr parse(String text) {
    Cidr cidr = parseLenient(text, false);
    if (!cidr.equals(cidr.network())) {
      throw new IllegalArgumentException(
          "\"" + text + "\" has host bits set; the block starts at " + cidr.network());
    }
    return cidr;
  }

  /**
   * Parses a block the way cloud APIs report it: a bare address means a single host ({@code /32} or
   * {@code /128}) and host bits are cleared.
   *
   * @param text an address or block
   * @return the block
   * @throws IllegalArgumentException if {@code text} is neither
   */
  public static Cidr parseLenient(String text) {
    return parseLenient(text, true).network();
  }

  private static Cidr parseLenient(String text, boolean bareAllowed) {
    Objects.requireNonNull(text, "text");
    String s = text.trim();
    int slash = s.indexOf('/');
    if (slash < 0 && !bareAllowed) {
      throw new IllegalArgumentException(
          "\"" + text + "\" has no prefix length; write it as address/prefix, e.g. 10.0.0.0/16");
    }
    byte[] address = address(slash < 0 ? s : s.substring(0, slash), text);
    int max = address.length * 8;
    int prefix = slash < 0 ? max : prefix(s.substring(slash + 1), max, text);
    return new Cidr(address, prefix);
  }

  private static byte[] address(String s, String text) {
    if (IPV4.matcher(s).matches()) {
      String[] parts = s.split("\\.");
      byte[] b = new byte[4];
      for (int i = 0; i < 4; i++) {
        b[i] = (byte) Integer.parseInt(parts[i]);
      }
      return b;
    }
    // Only IPv6 literals reach InetAddress: a first character that is a hex digit or ':' and a
    // ':' somewhere make the JDK parse the literal instead of resolving a host name.
    if (s.indexOf(':') >= 0 && IPV6_CHARS.matcher(s).matches()) {
      try {
        byte[] b = InetAddress.getByName(s).getAddress();
        if (b.length == 16) {
          return b;
        }
      } catch (UnknownHostException e) {
        // fall through to the message below
      }
    }
    throw new IllegalArgumentException("\"" + text + "\" is not an IPv4 or IPv6 address block");
  }

  private static int prefix(String s, int max, String text) {
    if (!s.matches("\\d{1,3}") || Integer.parseInt(s) > max) {
      throw new IllegalArgumentException(
          "\"" + text + "\" has an invalid prefix length; use 0 to " + max);
    }
    return Integer.parseInt(s);
  }

  /**
   * Whether this is an IPv6 block.
   *
   * @return {@code true} for IPv6
   */
  public boolean isIpv6() {
    return address.length == 16;
  }

  /**
   * The prefix length (mask), e.g. 16 for {@code 10.0.0.0/16}.
   *
   * @return prefix length
   */
  public int prefixLength() {
    return prefixLength;
  }

  /**
   * Whether this block covers every address of its family ({@code 0.0.0.0/0} or {@code ::/0}).
   *
   * @return {@code true} for the whole internet
   */
  public boolean isAnyAddress() {
    return prefixLength == 0;
  }

  /**
   * Whether {@code other} lies entirely inside this block (a block contains itself).
   *
   * @param other another block
   * @return {@code true} when contained; {@code false} across address families
   */
  public boolean contains(Cidr other) {
    return other.address.length == address.length
        && other.prefixLength >= prefixLength
        && samePrefix(address, other.address, prefixLength);
  }

  /**
   * Whether the two blocks share at least one address.
   *
   * @param other another block
   * @return {@code true} when they overlap; {@code false} across address families
   */
  public boolean overlaps(Cidr other) {
    return other.address.length == address.length
        && samePrefix(address, other.address, Math.min(prefixLength, other.prefixLength));
  }

  private Cidr network() {
    byte[] b = address.clone();
    for (int bit = prefixLength; bit < b.length * 8; bit++) {
      b[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
    }
    return new Cidr(b, prefixLength);
  }

  private static boolean samePrefix(byte[] a, byte[] b, int bits) {
    for (int bit = 0; bit < bits; bit++) {
      int mask = 0x80 >>> (bit % 8);
      if ((a[bit / 8] & mask) != (b[bit / 8] & mask)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Cidr c
        && prefixLength == c.prefixLength
        && Arrays.equals(address, c.address);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(address) + prefixLength;
  }

  /**
   * The canonical text, e.g. {@code 10.0.0.0/16} or {@code 2001:db8:0:0:0:0:0:0/32}.
   *
   * @return text form
   */
  @Override
  public String toString() {
    try {
      String host = InetAddress.getByAddress(address).getHostAddress();
      return host + "/" + prefixLength;
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e); // unreachable: the length is always 4 or 16
    }
  }
}
