/**
 * `manifest.valid`: the `extension.toml` is one FrankenTerm accepts and reads as written. The
 * real parser refuses a missing `[extension].name` or an unsafe one, but silently replaces a
 * mistyped value with its default (a numeric version becomes 0.0.0, `network = "yes"` becomes
 * false, an unknown engine type becomes wasm); each of those is a failure here, named by key.
 */
import { readExtensionManifest } from '../../profiles/frankenterm/extension-manifest.js';
import { fail, pass, skip } from '../../report/check-result.js';
import { defineCheck } from '../check-definition.js';

/** Why the manifest checks skip a plugin given as a bare module. */
export const NO_MANIFEST = 'the plugin was given as a module without an extension.toml: a configuration module has no manifest';

export default defineCheck({
  id: 'manifest.valid',
  title: 'The extension.toml is one FrankenTerm accepts and reads as written',
  specRef: 'seed 003 §Exported entry points (manifest); seed-systems §4.4 (manifest.rs, package.rs); spec-decisions "frankenterm"',
  appliesTo: ['frankenterm'],
  run(ctx) {
    if (ctx.manifest === undefined) return skip(NO_MANIFEST);
    const m = readExtensionManifest(ctx.manifest);
    const evidence = { manifest: m.path, name: m.name, version: m.version, engine: m.engineType, entry: m.entry, environment: m.environment, notes: m.notes };
    const first = m.problems[0];
    if (first !== undefined) {
      return fail(`${m.path}: ${m.problems.map((p) => `\`${p.key}\` ${p.problem}`).join('; ')}`, { ...evidence, problems: m.problems, fix: first.fix });
    }
    const warnings = m.notes.length > 0 ? `; warning: ${m.notes.join('; ')}` : '';
    return pass(`${m.path}: extension "${m.name ?? ''}" ${m.version}, module ${m.entry}${warnings}`, evidence);
  },
});
