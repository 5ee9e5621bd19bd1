package dev.pailot.serving.client.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.pailot.serving.client.ChatResult;
import dev.pailot.serving.client.Embedding;
import dev.pailot.serving.client.EmbeddingResult;
import dev.pailot.serving.client.RerankResult;
import dev.pailot.serving.client.RerankScore;
import dev.pailot.serving.client.Timings;
import dev.pailot.serving.client.Usage;
import dev.pailot.serving.client.internal.wire.ChoiceDto;
import dev.pailot.serving.client.internal.wire.CompletionDto;
import dev.pailot.serving.client.internal.wire.EmbeddingDto;
import dev.pailot.serving.client.internal.wire.ErrorBodyDto;
import dev.pailot.serving.client.internal.wire.RerankDto;
import dev.pailot.serving.client.internal.wire.UsageDto;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Reads whole (non-streamed) answers and streamed chunks with Jackson into domain values. The
 * readers are built once; thread-safe.
 */
final class AnswerReaders {
  private final ObjectReader completion;
  private final ObjectReader embedding;
  private final ObjectReader rerank;
  private final ObjectReader error;

  AnswerReaders(ObjectMapper json) {
    this.completion = json.readerFor(CompletionDto.class);
    this.embedding = json.readerFor(EmbeddingDto.class);
    this.rerank = json.readerFor(RerankDto.class);
    this.error = json.readerFor(ErrorBodyDto.class);
  }

  ObjectReader errorReader() {
    return error;
  }

  /** One streamed chunk (or a whole completion). */
  CompletionDto completion(String data) throws JsonProcessingException {
    return completion.readValue(data);
  }

  CompletionDto completion(byte[] data) throws java.io.IOException {
    return completion.readValue(data);
  }

  EmbeddingDto embedding(byte[] data) throws java.io.IOException {
    return embedding.readValue(data);
  }

  RerankDto rerank(byte[] data) throws java.io.IOException {
    return rerank.readValue(data);
  }

  static Usage usage(UsageDto u) {
    if (u == null) {
      return null;
    }
    Usage.Builder b =
        Usage.builder()
            .promptTokens(u.promptTokens())
            .completionTokens(u.completionTokens())
            .totalTokens(u.totalTokens());
    if (u.promptTokensDetails() != null && u.promptTokensDetails().cachedTokens() != null) {
      b.cachedTokens(u.promptTokensDetails().cachedTokens());
    }
    return b.build();
  }

  /** A whole chat or text completion that has a choice. */
  static ChatResult chatResult(CompletionDto dto, String requestId, Timings timings) {
    ChoiceDto choice = dto.firstChoice();
    String text = choice.content();
    return ChatResult.builder()
        .text(text == null ? "" : text)
        .finishReason(Optional.ofNullable(choice.finishReason()))
        .usage(Optional.ofNullable(usage(dto.usage())))
        .requestId(requestId)
        .responseId(Optional.ofNullable(dto.id()))
        .model(Optional.ofNullable(dto.model()))
        .timings(timings)
        .build();
  }

  static EmbeddingResult embeddingResult(EmbeddingDto dto, String requestId, Timings timings) {
    List<Embedding> items =
        dto.data().stream()
            .sorted(Comparator.comparingInt(EmbeddingDto.ItemDto::index))
            .map(i -> Embedding.of(i.index(), i.embedding() == null ? new float[0] : i.embedding()))
            .toList();
    return EmbeddingResult.builder()
        .embeddings(items)
        .usage(Optional.ofNullable(usage(dto.usage())))
        .model(Optional.ofNullable(dto.model()))
        .requestId(requestId)
        .timings(timings)
        .build();
  }

  static RerankResult rerankResult(RerankDto dto, String requestId, Timings timings) {
    List<RerankScore> scores =
        dto.results().stream()
            .map(
                r ->
                    RerankScore.builder()
                        .index(r.index())
                        .relevanceScore(r.relevanceScore())
                        .document(Optional.ofNullable(r.documentText()))
                        .build())
            .toList();
    return RerankResult.builder()
        .results(scores)
        .usage(Optional.ofNullable(usage(dto.usage())))
        .model(Optional.ofNullable(dto.model()))
        .requestId(requestId)
        .timings(timings)
        .build();
  }
}
