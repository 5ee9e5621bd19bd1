package dev.pailot.testkit.localpai.internal.emulation;

import dev.pailot.testkit.localpai.internal.control.ServiceError;
import java.util.HexFormat;
import java.util.List;

/**
 * Paging as Alibaba's APIs do it: 1-based {@code PageNumber}/{@code PageSize} (VPC, AIWorkspace)
 * and opaque {@code NextToken}/{@code MaxResults} (ECS).
 */
public final class Pages {
  private Pages() {}

  /**
   * One page of a list.
   *
   * @param all the full, ordered list
   * @param pageNumber 1-based page
   * @param pageSize page size
   * @param <T> item type
   * @return the page, empty past the end
   */
  public static <T> List<T> page(List<T> all, int pageNumber, int pageSize) {
    long from = (long) (pageNumber - 1) * pageSize;
    if (from >= all.size()) {
      return List.of();
    }
    return all.subList((int) from, (int) Math.min(all.size(), from + pageSize));
  }

  /**
   * An opaque token for the item at {@code offset}: 16 hex digits, the shape ECS uses.
   *
   * @param offset offset of the next item
   * @return token
   */
  public static String token(int offset) {
    // XOR so the token does not read as a plain counter; it is still just an offset.
    return HexFormat.of().toHexDigits(offset ^ 0x5a17c0de5a17c0deL);
  }

  /**
   * The offset in a token from {@link #token(int)}.
   *
   * @param token token, or {@code null} for the first page
   * @param code error code for a bad token, e.g. {@code InValidParameter.NextToken}
   * @return offset
   * @throws ServiceError 400 with {@code code} for a token this emulator did not issue
   */
  public static int offset(String token, String code) {
    if (token == null || token.isEmpty()) {
      return 0;
    }
    try {
      long v = HexFormat.fromHexDigitsToLong(token) ^ 0x5a17c0de5a17c0deL;
      if (token.length() == 16 && v >= 0 && v <= Integer.MAX_VALUE) {
        return (int) v;
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw new ServiceError(400, code, "The parameter NextToken is invalid.");
  }
}
