package dev.pailot.rag.store.bench;

import java.util.SplittableRandom;

/**
 * Seeded synthetic embeddings with cluster structure, like sentence embeddings of a corpus about a
 * limited set of topics: {@code centroids} points drawn uniformly on the unit sphere (normalized
 * Gaussians); vector {@code i} is centroid {@code i % centroids} plus isotropic Gaussian noise of
 * expected length {@code noise}, normalized. Vector {@code i} depends only on the seed and {@code
 * i}, so the exact baseline regenerates exactly what the index holds. Queries come from the same
 * distribution with another seed (they are not in the index).
 */
final class ClusteredVectors {
  private final int dimension;
  private final float noise;
  private final long seed;
  private final float[][] centroids;

  ClusteredVectors(long seed, int dimension, int centroidCount, float noise) {
    this.seed = seed;
    this.dimension = dimension;
    this.noise = noise;
    SplittableRandom random = new SplittableRandom(seed);
    centroids = new float[centroidCount][];
    for (int c = 0; c < centroidCount; c++) {
      centroids[c] = normalize(gaussian(random, 1f));
    }
  }

  int dimension() {
    return dimension;
  }

  /** The {@code i}-th corpus vector. */
  float[] vector(long i) {
    return around(centroids[(int) (i % centroids.length)], new SplittableRandom(mix(seed, i)));
  }

  /** The {@code i}-th query: a random centroid plus noise, from a stream the corpus never uses. */
  float[] query(long i) {
    SplittableRandom random = new SplittableRandom(mix(~seed, i));
    return around(centroids[random.nextInt(centroids.length)], random);
  }

  private float[] around(float[] centroid, SplittableRandom random) {
    float[] v = gaussian(random, (float) (noise / Math.sqrt(dimension)));
    for (int d = 0; d < dimension; d++) {
      v[d] += centroid[d];
    }
    return normalize(v);
  }

  private float[] gaussian(SplittableRandom random, float sd) {
    float[] v = new float[dimension];
    for (int d = 0; d < dimension; d += 2) {
      // Box-Muller: two normals per pair of uniforms.
      double u1 = 1 - random.nextDouble();
      double u2 = random.nextDouble();
      double r = Math.sqrt(-2 * Math.log(u1));
      v[d] = (float) (sd * r * Math.cos(2 * Math.PI * u2));
      if (d + 1 < dimension) {
        v[d + 1] = (float) (sd * r * Math.sin(2 * Math.PI * u2));
      }
    }
    return v;
  }

  private static float[] normalize(float[] v) {
    double n = 0;
    for (float x : v) {
      n += (double) x * x;
    }
    float inv = (float) (1 / Math.sqrt(n));
    for (int d = 0; d < v.length; d++) {
      v[d] *= inv;
    }
    return v;
  }

  private static long mix(long seed, long i) {
    long z = seed * 0x9E3779B97F4A7C15L + i;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
