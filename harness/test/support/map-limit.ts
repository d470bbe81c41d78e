/**
 * Maps over items with at most `limit` promises in flight. Each plugin run spawns a worker with
 * its own V8 heap; starting one per bundled plugin at once exhausts a 2-core CI machine's memory.
 */

/** Like `Promise.all(items.map(fn))`, but runs at most `limit` calls at a time; results keep input order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}
