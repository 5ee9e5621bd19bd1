package dev.pailot.rag.store;

import java.nio.file.Path;

class InMemoryVectorStoreTest extends VectorStoreContractTest {
  @Override
  protected VectorStore open(Path dir, VectorSimilarity similarity) {
    return InMemoryVectorStore.create(similarity);
  }

  @Override
  protected boolean persistent() {
    return false;
  }
}
