/**
 * `schema.hook-outputs`: every answer a hook gives — to each seed example and to each bad-input
 * probe — fits the hook's output schema, in the dialect of the input it answered (a go-default
 * input gets a go-default answer). It runs once every answer could be read as one UTF-8 JSON
 * document; answers that could not are alloc.output-in-bounds's finding (past the end of memory)
 * or semantics.single-document's (trailing bytes, NUL padding, not UTF-8), so it depends on both.
 * A failure names the JSON path (`instancePath`), the schema rule (`schemaPath`), the expected and
 * received values, and the dialect — the plugin's export dialect plus the wire shape the answer
 * was judged in.
 */
import { fail, pass } from '../../report/check-result.js';
import type { ValidatedCall } from '../../schema/validated-hook-call.js';
import { describeViolation } from '../../schema/schema-violation.js';
import { answerEvidence } from './answer-evidence.js';
import { defineContractCheck } from './define-contract-check.js';

const SHOWN_VIOLATIONS = 3;

function describeMismatch(answer: ValidatedCall): string {
  if (answer.output.kind !== 'checked' || answer.output.verdict.ok) return '';
  const { dialect, violations, fitsDialects } = answer.output.verdict;
  const shown = violations.slice(0, SHOWN_VIOLATIONS).map(describeViolation).join('; ');
  const more = violations.length > SHOWN_VIOLATIONS ? ` (+${violations.length - SHOWN_VIOLATIONS} more)` : '';
  const other = fitsDialects.length > 0 ? `answered a ${dialect ?? ''} input in the ${fitsDialects.join('/')} shape: ` : '';
  return `\`${answer.label}\`${dialect === undefined ? '' : ` (${dialect})`}: ${other}${shown}${more}`;
}

export default defineContractCheck({
  id: 'schema.hook-outputs',
  title: 'Every hook answer fits the hook\'s output schema in the input\'s dialect',
  specRef: 'seed 001 §Hooks (Output examples); seed 000 §Data Exchange; seed-systems §1.5–1.6; schemas/<profile>/<hook>.output.schema.json',
  dependsOn: ['lifecycle.hooks-answer', 'alloc.output-in-bounds', 'semantics.single-document'],
  run({ ctx, session }) {
    const answers = [...session.fixtureAnswers(), ...session.probeAnswers()];
    const checked = answers.filter((a) => a.output.kind === 'checked');
    const failing = checked.filter((a) => a.output.kind === 'checked' && !a.output.verdict.ok);
    if (failing.length === 0) return pass(`${checked.length} answers fit their output schemas`, { calls: checked.map((a) => a.label) });
    const specRefs = new Map(session.hooks.map(({ hook }) => [hook.name, hook.specRef]));
    return fail(failing.map(describeMismatch).join(' | '), {
      failing: failing.map((a) => ({
        ...answerEvidence(a, ctx.dialect),
        schema: a.outputSchema,
        specRef: specRefs.get(a.hook),
        violations: a.output.kind === 'checked' && !a.output.verdict.ok ? a.output.verdict.violations : [],
      })),
      passing: checked.filter((a) => !failing.includes(a)).map((a) => a.label),
      fix: 'make each answer match the schema printed by `plugcheck schema <profile> <hook> --output` (answer in the shape of the input you received)',
    });
  },
});
