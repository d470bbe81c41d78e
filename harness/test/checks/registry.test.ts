/**
 * The check registry's own contract: ids are well formed, an id is implemented at most once per
 * profile, dependencies name checks that run earlier for the same profile, and every check cites
 * a spec section.
 */
import { describe, expect, it } from 'vitest';
import { CHECKS, findCheck } from '../../src/checks/index.js';
import { PROFILES } from '../../src/profiles/registry.js';

describe('check registry', () => {
  it('uses group.kebab-case ids and cites a spec reference for every check', () => {
    for (const check of CHECKS) {
      expect(check.id).toMatch(/^[a-z]+\.[a-z0-9-]+$/);
      expect(check.specRef.length, check.id).toBeGreaterThan(5);
      expect(check.appliesTo.length, check.id).toBeGreaterThan(0);
    }
  });

  for (const profile of PROFILES) {
    it(`implements each check id at most once for ${profile.id}, dependencies first`, () => {
      const ids = CHECKS.filter((c) => c.appliesTo.includes(profile.id)).map((c) => c.id);
      expect(new Set(ids).size).toBe(ids.length);
      ids.forEach((id, index) => {
        for (const dep of findCheck(id, profile.id)?.dependsOn ?? []) {
          expect(ids.indexOf(dep), `${id} depends on ${dep}`).toBeGreaterThanOrEqual(0);
          expect(ids.indexOf(dep), `${id} runs after ${dep}`).toBeLessThan(index);
        }
      });
    });
  }
});
