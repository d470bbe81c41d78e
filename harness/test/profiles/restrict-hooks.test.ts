/**
 * The config's `hooks` narrows a Bifrost profile's hook list (by name or alias); other families are
 * left alone, and a name that is no hook of the profile is a coded error listing the hooks.
 */
import { describe, expect, it } from 'vitest';
import { restrictHooks } from '../../src/profiles/restrict-hooks.js';
import { getProfile } from '../../src/profiles/registry.js';

const hookNames = (p: ReturnType<typeof getProfile>) => (p.family === 'bifrost' ? p.hooks.map((h) => h.name) : undefined);

describe('restrictHooks', () => {
  const v2 = getProfile('bifrost-v2');

  it('keeps the profile when no hooks are named, and keeps only the named ones otherwise', () => {
    expect(restrictHooks(v2, undefined)).toBe(v2);
    const narrowed = restrictHooks(v2, ['post_hook', 'pre_hook']);
    expect(hookNames(narrowed)).toEqual(['pre_hook', 'post_hook']);
    // Everything else of the profile (its id, exports, detection) is unchanged.
    expect(narrowed).toMatchObject({ id: 'bifrost-v2', exports: v2.exports, required: v2.required });
    expect(narrowed.detectDialect).toBe(v2.detectDialect);
  });

  it('matches a hook by its alias', () => {
    const aliased = v2.family === 'bifrost' ? v2.hooks.find((h) => (h.aliases ?? []).length > 0) : undefined;
    if (aliased === undefined) throw new Error('bifrost-v2 has no aliased hook to test with');
    expect(hookNames(restrictHooks(v2, [aliased.aliases?.[0] ?? '']))).toEqual([aliased.name]);
  });

  it('leaves families without a hook list alone', () => {
    const extism = getProfile('extism');
    expect(restrictHooks(extism, ['anything'])).toBe(extism);
  });

  it('refuses a name that is no hook of the profile, listing the hooks', () => {
    expect(() => restrictHooks(v2, ['pre_hook', 'prehook'])).toThrow(
      expect.objectContaining({ code: 'PLUGCHECK_BAD_CONFIG', message: '"hooks" names prehook, which is no hook of profile bifrost-v2', expected: expect.stringContaining('pre_hook, post_hook') }),
    );
  });
});
