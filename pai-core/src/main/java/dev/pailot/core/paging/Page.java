package dev.pailot.core.paging;

import java.util.List;
import java.util.Optional;

/**
 * One page of a list call, as fetched from PAI.
 *
 * @param <T> item type
 * @param items the items on this page
 * @param totalCount the total the service reported, if it did ({@code TotalCount})
 * @param nextToken the token for the next page, if the service pages by token ({@code NextToken})
 */
public record Page<T>(List<T> items, Optional<Integer> totalCount, Optional<String> nextToken) {

  /**
   * A page from a {@code PageNumber}/{@code PageSize} API.
   *
   * @param items items
   * @param totalCount reported total, or {@code null}
   * @param <T> item type
   * @return page
   */
  public static <T> Page<T> numbered(List<T> items, Integer totalCount) {
    return new Page<>(List.copyOf(items), Optional.ofNullable(totalCount), Optional.empty());
  }

  /**
   * A page from a {@code NextToken}/{@code MaxResults} API.
   *
   * @param items items
   * @param nextToken next token, or {@code null}/empty on the last page
   * @param <T> item type
   * @return page
   */
  public static <T> Page<T> tokened(List<T> items, String nextToken) {
    String token = nextToken == null || nextToken.isEmpty() ? null : nextToken;
    return new Page<>(List.copyOf(items), Optional.empty(), Optional.ofNullable(token));
  }
}
