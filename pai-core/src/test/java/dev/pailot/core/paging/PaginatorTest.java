package dev.pailot.core.paging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PaginatorTest {
  private static List<Integer> range(int from, int to) {
    return IntStream.range(from, to).boxed().collect(Collectors.toList());
  }

  @Test
  void pagesByNumberUntilTotalCount() {
    List<Integer> fetched = new ArrayList<>();
    Paginator<Integer> p =
        Paginator.byPageNumber(
            2,
            n -> {
              fetched.add(n);
              return Page.numbered(range((n - 1) * 2, Math.min(n * 2, 4)), 4);
            });
    assertThat(p.stream().collect(Collectors.toList())).containsExactly(0, 1, 2, 3);
    assertThat(fetched).containsExactly(1, 2);
  }

  @Test
  void stopsAtAShortPageWithoutTotal() {
    List<Integer> fetched = new ArrayList<>();
    Paginator<Integer> p =
        Paginator.byPageNumber(
            3,
            n -> {
              fetched.add(n);
              return Page.numbered(n == 1 ? range(0, 3) : range(3, 4), null);
            });
    assertThat(p).containsExactly(0, 1, 2, 3);
    assertThat(fetched).containsExactly(1, 2);
  }

  @Test
  void isLazy() {
    List<Integer> fetched = new ArrayList<>();
    Paginator<Integer> p =
        Paginator.byPageNumber(
            2,
            n -> {
              fetched.add(n);
              return Page.numbered(range(0, 2), 100);
            });
    assertThat(p.stream().findFirst()).contains(0);
    assertThat(fetched).containsExactly(1);
  }

  @Test
  void pagesByTokenUntilNoNextToken() {
    List<String> tokens = new ArrayList<>();
    Paginator<String> p =
        Paginator.byToken(
            t -> {
              tokens.add(String.valueOf(t));
              return t == null
                  ? Page.tokened(List.of("a", "b"), "t2")
                  : Page.tokened(List.of("c"), "");
            });
    assertThat(p).containsExactly("a", "b", "c");
    assertThat(tokens).containsExactly("null", "t2");
  }

  @Test
  void emptyFirstPageEndsIteration() {
    Paginator<String> p = Paginator.byPageNumber(10, n -> Page.numbered(List.of(), 0));
    assertThat(p).isEmpty();
  }
}
