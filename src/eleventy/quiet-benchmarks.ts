// Eleventy prints "[11ty] Benchmark … (Configuration) slugify Nunjucks Filter" when a busy machine makes a
// filter look slow. That note is for Eleventy's developers; quire's output stays what the author can act on.
import type { UserConfig } from "@11ty/eleventy";

interface BenchmarkManager {
  setVerboseOutput(verbose: boolean): void;
  getAll(): Record<string, { setIsVerbose(verbose: boolean): void }>;
}

export default function quietBenchmarks(eleventyConfig: UserConfig): void {
  const manager = eleventyConfig.benchmarkManager as BenchmarkManager | undefined;
  if (!manager) return;
  // Groups made from now on, and the ones Eleventy made before any plugin ran ("Configuration").
  manager.setVerboseOutput(false);
  for (const group of Object.values(manager.getAll())) group.setIsVerbose(false);
}
