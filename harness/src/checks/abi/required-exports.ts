/**
 * `abi.required-exports`: every export the profile requires is present (by name; signatures are
 * `abi.export-signatures`). Groups accept alternatives, e.g. `malloc` or TinyGo's `plugin_malloc`.
 */
import { fail, pass } from '../../report/check-result.js';
import { defineCheck } from '../check-definition.js';
import { ALL_PROFILE_IDS } from '../../profiles/profile.js';

export default defineCheck({
  id: 'abi.required-exports',
  title: 'Every required export is present',
  specRef: 'seed 000 §Plugin Structure; seed 001 §Exports; seed-systems §1.3 (optionality)',
  appliesTo: ALL_PROFILE_IDS,
  run(ctx) {
    const present = new Set(ctx.module.exports.map((e) => e.name));
    const missing = ctx.profile.required.filter((g) => !g.anyOf.some((n) => present.has(n)));
    if (missing.length === 0) {
      return pass(`all ${ctx.profile.required.length} required exports are present`);
    }
    return fail(`missing ${missing.map((g) => g.label).join(', ')}`, {
      missing: missing.map((g) => ({ requirement: g.label, acceptedNames: g.anyOf, specRef: g.specRef })),
      exports: [...present],
      fix: `export ${missing.map((g) => g.anyOf.map((n) => `\`${n}\``).join(' or ')).join(', and ')}`,
    });
  },
});
