package dev.pailot.rag.pipeline.internal;

import dev.pailot.rag.assemble.ContextAssembler;
import dev.pailot.rag.budget.Budgets;
import dev.pailot.rag.embed.Embedder;
import dev.pailot.rag.embed.EmbeddingCache;
import dev.pailot.rag.rerank.Reranker;
import dev.pailot.rag.store.VectorStore;

/**
 * What a pipeline is made of, as configured by its builder.
 *
 * @param embedder query embedder
 * @param store vector store
 * @param reranker primary reranker, or {@code null} for none
 * @param fallback fallback reranker, or {@code null} for none
 * @param assembler prompt assembler
 * @param budgets budgets and policies
 * @param topK default candidates
 * @param topN default kept chunks
 * @param cache query embedding cache, or {@code null} for none
 * @param runner stage runner
 * @param metrics meters
 */
public record PipelineParts(
    Embedder embedder,
    VectorStore store,
    Reranker reranker,
    Reranker fallback,
    ContextAssembler assembler,
    Budgets budgets,
    int topK,
    int topN,
    EmbeddingCache cache,
    StageRunner runner,
    PipelineMetrics metrics) {}
