/**
 * `manifest.hooks-declared`: the manifest binds its handlers in one of the two forms FrankenTerm
 * knows. The `[hooks]` table is what the host's code parses; the `[[hooks]]` array is what its
 * docs show and what `manifest.rs` silently drops (`.as_table()` on an array is `None`).
 *
 * Decision: the array form passes with a warning. spec-decisions "frankenterm" accepts both forms
 * as dialects, the docs are what authors follow, and today no FrankenTerm code calls a wasm
 * handler at all (seed-systems §4.3), so the dropped hooks change nothing a user can observe yet;
 * failing every extension written from the docs would flag the docs' bug on the authors.
 */
import { readExtensionManifest } from '../../profiles/frankenterm/extension-manifest.js';
import type { ExtensionManifest } from '../../profiles/frankenterm/extension-manifest.js';
import { fail, pass, skip } from '../../report/check-result.js';
import { defineCheck } from '../check-definition.js';
import { NO_MANIFEST } from './manifest-valid.js';

const TABLE_EXAMPLE = '[hooks] with one "<event>" = "<export>" line per handler, e.g. "config.reload" = "on_reload"';

function bindings(m: ExtensionManifest): string {
  return m.hooks.map((h) => `${h.event} → ${h.handler}`).join(', ');
}

export default defineCheck({
  id: 'manifest.hooks-declared',
  title: 'Hooks are declared as a [hooks] table or a [[hooks]] array',
  specRef: 'seed 003 §Exported entry points ([[hooks]] event/handler); seed-systems §4.4 ([hooks] table in manifest.rs); spec-decisions "frankenterm"',
  appliesTo: ['frankenterm'],
  run(ctx) {
    if (ctx.manifest === undefined) return skip(NO_MANIFEST);
    const m = readExtensionManifest(ctx.manifest);
    const evidence = { manifest: m.path, form: m.hooksForm, hooks: m.hooks };
    if (m.hooksForm === 'none') {
      return fail(`${m.path} binds no handler: expected a [hooks] table or a [[hooks]] array, found neither, so FrankenTerm never calls the module`, {
        ...evidence,
        fix: `declare ${TABLE_EXAMPLE}`,
      });
    }
    const first = m.hookProblems[0];
    if (first !== undefined) {
      return fail(`${m.path}: ${m.hookProblems.map((p) => `\`${p.key}\` ${p.problem}`).join('; ')}`, { ...evidence, problems: m.hookProblems, fix: first.fix });
    }
    if (m.hooksForm === 'array') {
      return pass(
        `hooks declared as the docs' [[hooks]] array (${bindings(m)}); warning: FrankenTerm's manifest parser reads only a [hooks] table and silently drops this form, so the real host would register no handler; write ${TABLE_EXAMPLE}`,
        { ...evidence, decision: 'accepted as a dialect (spec-decisions "frankenterm"); the host code ignores it (seed-systems §4.4)' },
      );
    }
    return pass(`hooks declared as a [hooks] table: ${bindings(m)}`, evidence);
  },
});
