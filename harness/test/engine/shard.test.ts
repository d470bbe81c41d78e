/**
 * Shard plans: the shards of a run report every selected check exactly once, and each runs the
 * dependencies of what it reports (within the selection) so a dependency's failure still skips.
 */
import { describe, expect, it } from 'vitest';
import { parseShard, shardPlan } from '../../src/engine/shard.js';
import { selectChecks } from '../../src/engine/select-checks.js';
import { findCheck } from '../../src/checks/index.js';
import { UsageError } from '../../src/errors.js';

describe('parseShard', () => {
  it('reads i/n', () => {
    expect(parseShard('2/5')).toEqual({ index: 2, count: 5 });
    expect(parseShard('1/1')).toEqual({ index: 1, count: 1 });
  });
  it.each(['0/3', '4/3', '1/0', '1', 'a/b', '1/2/3', '-1/2'])('rejects %s as a usage error', (bad) => {
    expect(() => parseShard(bad)).toThrow(UsageError);
  });
});

describe('shardPlan', () => {
  const selected = selectChecks('bifrost-v2');
  const ids = selected.map((c) => c.id);

  it.each([1, 2, 3, 5, ids.length, ids.length + 3])('the reports of %i shards cover every check exactly once, in order', (count) => {
    const reported = Array.from({ length: count }, (_, i) => shardPlan(selected, { index: i + 1, count }).report);
    expect(reported.flat().sort()).toEqual([...ids].sort());
    for (const r of reported) expect(r).toEqual(ids.filter((id) => r.includes(id)));
    expect(reported[0]).toEqual(ids.filter((_, i) => i % count === 0));
  });

  it('runs the transitive dependencies of what it reports, in run order', () => {
    const count = 3;
    for (let index = 1; index <= count; index++) {
      const plan = shardPlan(selected, { index, count });
      expect(plan.run).toEqual(ids.filter((id) => plan.run.includes(id)));
      for (const id of plan.run) {
        for (const dep of findCheck(id, 'bifrost-v2')?.dependsOn ?? []) if (ids.includes(dep)) expect(plan.run, `${id} needs ${dep}`).toContain(dep);
      }
      for (const id of plan.report) expect(plan.run).toContain(id);
    }
    // fuzz.call-sequences depends on fuzz.valid-inputs → schema.hook-outputs → lifecycle.hooks-answer → lifecycle.instantiate.
    const plan = shardPlan(selected, { index: (ids.indexOf('fuzz.call-sequences') % count) + 1, count });
    expect(plan.run).toEqual(expect.arrayContaining(['fuzz.valid-inputs', 'schema.hook-outputs', 'lifecycle.hooks-answer', 'lifecycle.instantiate', 'abi.compiles']));
  });

  it('follows dependencies only within the selection, as an unsharded run of it would', () => {
    const narrowed = selectChecks('bifrost-v2', ['fuzz.*']);
    const plan = shardPlan(narrowed, { index: 1, count: 1 });
    expect(plan.run).toEqual(narrowed.map((c) => c.id));
  });
});
