/**
 * Vector stores for retrieval: the {@link dev.pailot.rag.store.VectorStore} contract with its
 * values ({@link dev.pailot.rag.store.StoredChunk}, {@link dev.pailot.rag.store.VectorQuery},
 * {@link dev.pailot.rag.store.MetadataFilter}, {@link dev.pailot.rag.store.SearchHit}), the
 * optional {@link dev.pailot.rag.store.LexicalSearch} capability (BM25), and three implementations:
 * {@link dev.pailot.rag.store.LuceneVectorStore} (embedded HNSW on local disk, the default), {@link
 * dev.pailot.rag.store.DashVectorStore} (Alibaba Cloud's managed vector database) and {@link
 * dev.pailot.rag.store.InMemoryVectorStore} (exact, for tests and baselines).
 */
package dev.pailot.rag.store;
