// A function's answers kept by argument, for values that recur across articles (vocabulary cells,
// compacted IRIs, language codes). Bounded, so a corpus of ever-new values cannot grow it without
// end: past the limit, answers are computed and not kept.

export function boundedMemo<K, V>(compute: (key: K) => V, limit = 10_000): (key: K) => V {
  const kept = new Map<K, V>();
  return (key) => {
    let found = kept.get(key);
    if (found === undefined && !kept.has(key)) {
      found = compute(key);
      if (kept.size < limit) kept.set(key, found);
    }
    return found as V;
  };
}
