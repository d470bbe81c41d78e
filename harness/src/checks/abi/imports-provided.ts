/**
 * `abi.imports-provided`: every import names a function the profile's host provides, with the
 * same signature. V8 accepts any JS function for any import, so a mistyped import is only found
 * by reading the types from the binary (spec-decisions "All profiles").
 */
import { fail, pass } from '../../report/check-result.js';
import { formatSignature, sameSignature } from '../../wasm/index.js';
import type { ImportEntry } from '../../wasm/index.js';
import type { HostImportSpec } from '../../profiles/profile.js';
import { defineCheck } from '../check-definition.js';
import { ALL_PROFILE_IDS } from '../../profiles/profile.js';

interface ImportProblem {
  readonly import: string;
  readonly problem: string;
  readonly fix: string;
}

function diagnose(entry: ImportEntry, provided: readonly HostImportSpec[], profileId: string): ImportProblem | undefined {
  const qualified = `${entry.module}.${entry.name}`;
  if (entry.kind !== 'function') {
    return { import: qualified, problem: `imports a ${entry.kind}; the ${profileId} host provides only functions`, fix: `define the ${entry.kind} inside the module and export it instead` };
  }
  const exact = provided.find((p) => p.module === entry.module && p.name === entry.name);
  if (exact !== undefined) {
    if (entry.signature !== undefined && sameSignature(exact.signature, entry.signature)) return undefined;
    const got = entry.signature === undefined ? 'unknown' : formatSignature(entry.signature);
    return {
      import: qualified,
      problem: `is imported as ${got}, the host implements ${formatSignature(exact.signature)}`,
      fix: `declare the import as ${formatSignature(exact.signature)}`,
    };
  }
  // A host may offer a function under several modules (FrankenTerm: `frankenterm` and `env`): name them all.
  const elsewhere = [...new Set(provided.filter((p) => p.name === entry.name).map((p) => `\`${p.module}\``))];
  if (elsewhere.length > 0) {
    return {
      import: qualified,
      problem: `is not provided under \`${entry.module}\`; the host provides \`${entry.name}\` under ${elsewhere.join(' or ')}`,
      fix: `import it from ${elsewhere.join(' or ')}`,
    };
  }
  if (entry.module === 'env' && entry.name === 'abort') {
    return { import: qualified, problem: 'is AssemblyScript\'s abort handler, which this host does not provide', fix: 'build with `asc --use abort=` (seed-systems §1.8) or route it to your own function' };
  }
  return { import: qualified, problem: `is not provided by the ${profileId} host`, fix: 'remove the import, or stop using the library function that pulls it in' };
}

export default defineCheck({
  id: 'abi.imports-provided',
  title: 'Every import is provided by the host with the same signature',
  specRef: 'spec-decisions "All profiles" (an import is acceptable only with the same signature); seed 001 §Troubleshooting',
  appliesTo: ALL_PROFILE_IDS,
  run(ctx) {
    const application = ctx.profile.applicationImportModules ?? [];
    const problems = ctx.module.imports
      .filter((entry) => !(entry.kind === 'function' && application.includes(entry.module)))
      .map((entry) => diagnose(entry, ctx.profile.hostImports, ctx.profile.id))
      .filter((p): p is ImportProblem => p !== undefined);
    const total = ctx.module.imports.length;
    if (problems.length === 0) return pass(total === 0 ? 'the module imports nothing' : `all ${total} imports are provided`);
    return fail(problems.map((p) => `\`${p.import}\` ${p.problem}`).join('; '), {
      problems,
      imports: ctx.module.imports.map((i) => ({ module: i.module, name: i.name, kind: i.kind, signature: i.signature && formatSignature(i.signature) })),
      fix: problems[0]?.fix ?? '',
    });
  },
});
