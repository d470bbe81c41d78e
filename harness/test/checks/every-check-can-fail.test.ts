/**
 * Every check proves it can fail: some bundled faulty plugin's expectations say the check fails
 * (or times out), and the conformance suite holds it to that. A check nobody can make fail would
 * be a check that cannot fail.
 */
import { describe, expect, it } from 'vitest';
import { CHECKS } from '../../src/checks/index.js';
import { listBundledPlugins } from '../../src/config/bundled-plugins.js';
import { loadExpectations } from '../../src/config/expectations.js';
import { PROFILES } from '../../src/profiles/registry.js';

const expectations = await Promise.all((await listBundledPlugins()).map(async (p) => ({ name: p.name, exp: await loadExpectations(p.expectations) })));

describe('every check has a faulty plugin that makes it fail', () => {
  for (const check of CHECKS) {
    it(`${check.id} (${check.appliesTo.join(', ')})`, () => {
      const provers = expectations
        .filter(({ exp }) => (check.appliesTo as readonly string[]).includes(exp.profile))
        .filter(({ exp }) => ['failed', 'timed-out'].includes(exp.checks[check.id] ?? 'passed'))
        .map((e) => e.name);
      expect(provers, `no plugin under plugins-under-test/ is expected to fail ${check.id}`).not.toEqual([]);
    });
  }
});

describe('every profile has a good bundled plugin', () => {
  for (const { id: profile } of PROFILES) {
    it(profile, () => {
      const good = expectations.filter(({ exp }) => exp.profile === profile && Object.keys(exp.checks).length === 0);
      expect(good.map((g) => g.name)).not.toEqual([]);
    });
  }
});
