/**
 * Sharding a run (`--shard i/n`): the unit is a check within the plugin's ordered check list.
 * Shard i reports the checks whose position modulo n is i - 1, and also runs (without reporting)
 * the checks they depend on, so a dependency's failure skips a check in a shard exactly as it
 * does in an unsharded run. `plugcheck merge` puts the shards back together.
 */
import type { CheckDefinition } from '../checks/check-definition.js';
import { UsageError } from '../errors.js';
import type { ReportShard } from '../report/run-report.js';

/** Parses `i/n` (1 ≤ i ≤ n). */
export function parseShard(value: string): ReportShard {
  const match = /^(\d+)\/(\d+)$/.exec(value.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (match === null || !Number.isSafeInteger(index) || !Number.isSafeInteger(count) || count < 1 || index < 1 || index > count) {
    throw new UsageError(`--shard takes i/n with 1 ≤ i ≤ n`, {
      expected: 'e.g. --shard 1/4 … --shard 4/4',
      received: value,
      fix: 'pass --shard <index>/<count>, the index counting from 1',
    });
  }
  return { index, count };
}

/** What a shard runs and what it reports, both in the order of the selected checks. */
export interface ShardPlan {
  /** Check ids to run: the shard's checks and their dependencies among the selected checks. */
  readonly run: readonly string[];
  /** Check ids whose results the shard reports. */
  readonly report: readonly string[];
}

/**
 * The plan of `shard` over `selected` (the run's checks, in order). Dependencies are followed only
 * within `selected`, as an unsharded run with the same `--only`/`--skip` would run them.
 */
export function shardPlan(selected: readonly CheckDefinition[], shard: ReportShard): ShardPlan {
  const byId = new Map(selected.map((c) => [c.id, c]));
  const report = selected.filter((_, i) => i % shard.count === shard.index - 1).map((c) => c.id);
  const needed = new Set<string>();
  const visit = (id: string) => {
    if (needed.has(id)) return;
    const check = byId.get(id);
    if (check === undefined) return;
    needed.add(id);
    for (const dep of check.dependsOn ?? []) visit(dep);
  };
  report.forEach(visit);
  return { run: selected.filter((c) => needed.has(c.id)).map((c) => c.id), report };
}
