package dev.pailot.rag.store;

import java.nio.file.Path;

class LuceneInt8StoreTest extends VectorStoreContractTest {
  @Override
  protected VectorStore open(Path dir, VectorSimilarity similarity) {
    return LuceneVectorStore.open(
        LuceneStoreConfig.builder()
            .path(dir)
            .similarity(similarity)
            .precision(VectorPrecision.INT8)
            .build());
  }

  @Override
  protected boolean persistent() {
    return true;
  }
}
