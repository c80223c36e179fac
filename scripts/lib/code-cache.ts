// The word between a run of the command line and the prebuilt loader (lib/prebuilt-bundle.ts's load.cjs),
// which writes V8's code cache at exit: only a run that exported has compiled what an export needs.

/** The global symbol's key (Symbol.for), spelled out in load.cjs too. */
export const CODE_CACHE_WORTHY = "org-article-export.code-cache-worthy";

/** Says to the loader that this run's compiled code is worth caching. */
export function markCodeCacheWorthy(): void {
  (globalThis as Record<symbol, unknown>)[Symbol.for(CODE_CACHE_WORTHY)] = true;
}
