/**
 * `plugcheck inspect <plugin.wasm>`: what the module imports and exports (with signatures), its
 * memory, start function and producers, and how well each profile fits it.
 */
import { loadPlugin } from '../../engine/load-plugin.js';
import { describeNearMiss, detectProfile } from '../../profiles/detect-profile.js';
import type { ProfileScore } from '../../profiles/detect-profile.js';
import { formatSignature } from '../../wasm/index.js';
import type { ModuleInfo } from '../../wasm/index.js';
import { onePlugin, parseOptions } from '../parse-options.js';
import type { Style } from '../style.js';
import { styleFor } from '../style.js';

/** Usage text of `plugcheck inspect`. */
export const INSPECT_USAGE = `Usage: plugcheck inspect <plugin.wasm> [--json]

Reads a module without running it: imports and exports with their signatures, memory, start
function, producers, and the score of every profile with what is missing or mistyped.

Exit codes: 0 a profile matched, 1 no profile matched (the nearest is named), 2 plugcheck could not run.`;

function describeScore(score: ProfileScore): string {
  const parts = [`matched ${score.matched.length}`];
  if (score.mistyped.length > 0) parts.push(`mistyped ${score.mistyped.map((m) => `${m.name} is ${m.received}, expected ${m.expected.join(' or ')}`).join('; ')}`);
  if (score.missing.length > 0) parts.push(`missing ${score.missing.join(', ')}`);
  return parts.join(' · ');
}

function describeModule(module: ModuleInfo, style: Style): string[] {
  const lines: string[] = [];
  for (const m of module.memories) {
    const l = m.limits;
    lines.push(`  memory ${l.initialPages} pages initial, max ${l.maximumPages ?? 'none'}${m.imported ? ' (imported)' : ''}${l.shared ? ' shared' : ''}`);
  }
  if (module.memories.length === 0) lines.push('  memory none');
  lines.push(`  start function ${module.startFunction ?? 'none'}`);
  lines.push(`  imports (${module.imports.length})`);
  for (const i of module.imports) lines.push(`    ${i.module}.${i.name}  ${style.dim(i.signature ? formatSignature(i.signature) : i.kind)}`);
  lines.push(`  exports (${module.exports.length})`);
  for (const e of module.exports) lines.push(`    ${e.name}  ${style.dim(e.signature ? formatSignature(e.signature) : e.kind)}`);
  if (module.producers !== null) {
    const producers = Object.entries(module.producers).map(([field, list]) => `${field}: ${list.map((p) => `${p.name} ${p.version}`.trim()).join(', ')}`);
    lines.push(`  producers ${producers.join('; ')}`);
  }
  if (module.invalidNames.length > 0) lines.push(`  invalid UTF-8 names: ${module.invalidNames.join('; ')}`);
  return lines;
}

/** Runs the command; returns the exit code. */
export async function inspectCommand(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseOptions('inspect', args, { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } });
  if (values['help'] === true) {
    process.stdout.write(`${INSPECT_USAGE}\n`);
    return 0;
  }
  const plugin = await loadPlugin(onePlugin('inspect', positionals));
  const detection = detectProfile(plugin.module, plugin.manifest);
  const match = detection.kind === 'matched' ? detection.best : undefined;
  const nearest = detection.kind === 'none' ? detection.nearest : undefined;
  if (values['json'] === true) {
    const doc = {
      path: plugin.path,
      manifest: plugin.manifest?.path ?? null,
      sha256: plugin.sha256,
      bytes: plugin.bytes.byteLength,
      profile: match?.profile ?? null,
      dialect: match?.dialect ?? null,
      nearMiss: nearest === undefined ? null : { profile: nearest.profile, score: nearest.score, explanation: describeNearMiss(nearest) },
      candidates: detection.candidates,
      module: plugin.module,
    };
    process.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
    return match === undefined ? 1 : 0;
  }
  const style = styleFor(process.stdout);
  const lines = [`${style.bold('plugcheck inspect')} ${plugin.path}`, `  ${plugin.bytes.byteLength} bytes  sha256 ${plugin.sha256}`];
  if (match !== undefined) {
    const dialect = Object.entries(match.dialect).map(([k, v]) => `${k}=${v}`).join(' ');
    lines.push(`  profile ${style.bold(match.profile)} (score ${match.score})  dialect ${dialect}`);
  } else {
    lines.push(style.red('  no profile matched'));
    if (nearest !== undefined) lines.push(`  nearest ${style.bold(nearest.profile)} (score ${nearest.score}): ${describeNearMiss(nearest)}`);
  }
  lines.push('  candidates');
  for (const c of detection.candidates) lines.push(`    ${c.profile.padEnd(12)} ${c.score.toFixed(3)}  ${style.dim(describeScore(c))}`);
  lines.push(...describeModule(plugin.module, style));
  process.stdout.write(`${lines.join('\n')}\n`);
  return match === undefined ? 1 : 0;
}
