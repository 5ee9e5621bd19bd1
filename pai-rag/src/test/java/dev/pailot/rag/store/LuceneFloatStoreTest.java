package dev.pailot.rag.store;

import java.nio.file.Path;

class LuceneFloatStoreTest extends VectorStoreContractTest {
  @Override
  protected VectorStore open(Path dir, VectorSimilarity similarity) {
    return LuceneVectorStore.open(
        LuceneStoreConfig.builder().path(dir).similarity(similarity).ramBufferMb(4).build());
  }

  @Override
  protected boolean persistent() {
    return true;
  }
}
