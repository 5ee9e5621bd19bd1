package dev.pailot.core.paging;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A lazily paged list: pages are fetched only as iteration reaches them, so {@code
 * list().stream().findFirst()} costs one call. Works for both of PAI's paging styles: {@code
 * PageNumber}/{@code PageSize} (DLC, EAS, AIWorkspace, VPC) and {@code NextToken} (ECS).
 *
 * <p>Each {@link #iterator()} starts from the first page again. Not thread-safe while iterating;
 * the paginator itself is immutable and may be iterated several times.
 *
 * @param <T> item type
 */
public final class Paginator<T> implements Iterable<T> {
  private final Function<Cursor, Page<T>> fetch;
  private final int pageSize;

  private Paginator(Function<Cursor, Page<T>> fetch, int pageSize) {
    this.fetch = fetch;
    this.pageSize = pageSize;
  }

  /**
   * Pages by number, 1-based. Stops at an empty page, a short page, or when the reported {@code
   * TotalCount} has been reached.
   *
   * @param pageSize page size sent with each call
   * @param fetch fetches the page with the given 1-based number
   * @param <T> item type
   * @return the paginator
   */
  public static <T> Paginator<T> byPageNumber(int pageSize, IntFunction<Page<T>> fetch) {
    Objects.requireNonNull(fetch, "fetch");
    if (pageSize < 1) {
      throw new IllegalArgumentException("pageSize must be >= 1");
    }
    return new Paginator<>(c -> fetch.apply(c.pageNumber), pageSize);
  }

  /**
   * Pages by token. The first call gets {@code null}; stops when a page has no next token.
   *
   * @param fetch fetches the page for a token ({@code null} for the first page)
   * @param <T> item type
   * @return the paginator
   */
  public static <T> Paginator<T> byToken(Function<String, Page<T>> fetch) {
    Objects.requireNonNull(fetch, "fetch");
    return new Paginator<>(c -> fetch.apply(c.token), 0);
  }

  /**
   * A sequential stream over all items, fetching pages lazily.
   *
   * @return stream
   */
  public Stream<T> stream() {
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL),
        false);
  }

  @Override
  public Iterator<T> iterator() {
    return new PagingIterator();
  }

  private static final class Cursor {
    int pageNumber = 1;
    String token;
  }

  private final class PagingIterator implements Iterator<T> {
    private final Cursor cursor = new Cursor();
    private final Deque<T> buffer = new ArrayDeque<>();
    private boolean exhausted;
    private int seen;

    @Override
    public boolean hasNext() {
      while (buffer.isEmpty() && !exhausted) {
        fetchNext();
      }
      return !buffer.isEmpty();
    }

    @Override
    public T next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return buffer.poll();
    }

    private void fetchNext() {
      Page<T> page = fetch.apply(cursor);
      buffer.addAll(page.items());
      seen += page.items().size();
      if (pageSize == 0) {
        cursor.token = page.nextToken().orElse(null);
        exhausted = cursor.token == null;
        return;
      }
      boolean shortPage = page.items().size() < pageSize;
      boolean reachedTotal = page.totalCount().map(total -> seen >= total).orElse(false);
      exhausted = page.items().isEmpty() || shortPage || reachedTotal;
      cursor.pageNumber++;
    }
  }
}
