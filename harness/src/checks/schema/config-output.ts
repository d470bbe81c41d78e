/**
 * `schema.config-output`: what a FrankenTerm configuration module hands the host —
 * `configure()`/`configure_len()`'s bytes or `_start`'s stdout — is UTF-8, exactly one JSON
 * document, and fits `schemas/frankenterm/<entry>.output.schema.json` (an object: the host builds
 * its Config from the object's keys with `Config::from_dynamic`). Whether the host can read any
 * bytes at all (a trap, a missing `configure_len`, a range outside memory, empty stdout) is
 * lifecycle.entry-points-run's finding; this check judges what those bytes say.
 */
import { judgeConfigDocument, judgeConfigOutput } from '../../profiles/frankenterm/config-output.js';
import { runEvidence } from '../../profiles/frankenterm/describe-run.js';
import { entryPointRuns } from '../../profiles/frankenterm/entry-point-runs.js';
import { fail, pass } from '../../report/check-result.js';
import { defineCheck } from '../check-definition.js';

const SPEC = 'seed 003 §Exported entry points (configuration modules); seed-systems §4.3 (eval_config: valid UTF-8 JSON; Config::from_dynamic); schemas/frankenterm/configure.output.schema.json, _start.output.schema.json';

export default defineCheck({
  id: 'schema.config-output',
  title: 'A configuration module\'s output is one UTF-8 JSON object that fits its schema',
  specRef: SPEC,
  appliesTo: ['frankenterm'],
  dependsOn: ['lifecycle.entry-points-run'],
  run(ctx) {
    const { runs } = entryPointRuns(ctx);
    const judged = runs.flatMap((run) => {
      if (run.events.length > 0) return [];
      const read = judgeConfigOutput(run);
      return read.ok ? [{ run, read, verdict: judgeConfigDocument(run, read) }] : [];
    });
    // An extension hands the host no configuration: nothing here can be wrong (its handlers are lifecycle.entry-points-run's).
    if (judged.length === 0) return pass('the plugin is an extension: the host reads no configuration output from it');
    const bad = judged.flatMap((j) => (j.verdict.ok ? [] : [{ ...j, verdict: j.verdict }]));
    if (bad.length > 0) {
      return fail(bad.map((b) => b.verdict.problem).join('; '), {
        failing: bad.map((b) => ({ ...runEvidence(b.run), output: b.read.output, schema: b.verdict.schema, ...b.verdict.at, dialect: ctx.dialect })),
        specRef: SPEC,
        fix: bad[0]?.verdict.fix,
      });
    }
    return pass(judged.map((j) => `${j.read.source} fits schemas/${j.verdict.schema}${j.verdict.ok ? ` (${j.verdict.keys.length} keys)` : ''}`).join('; '));
  },
});
