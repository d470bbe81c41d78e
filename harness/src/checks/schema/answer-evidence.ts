/**
 * Evidence for one judged call, the same in every `schema.*` and `semantics.*` result: which call,
 * what went in, what came out, and the dialect it was judged in (the plugin's export dialect plus
 * the wire shape of the call).
 */
import { failedCallEvidence } from '../../profiles/bifrost/describe-call.js';
import type { Dialect } from '../../profiles/profile.js';
import type { ValidatedCall } from '../../schema/validated-hook-call.js';

const MAX_EVIDENCE_CHARS = 2048;

/** Cuts long texts so one big payload cannot swamp a report. */
export function clip(text: string): string {
  return text.length > MAX_EVIDENCE_CHARS ? `${text.slice(0, MAX_EVIDENCE_CHARS)}… (${text.length} chars)` : text;
}

/** The wire shape a call was judged in: its output's dialect, else its input's; undefined where the hook has one shape. */
export function shapeOf(answer: ValidatedCall): string | undefined {
  return answer.output.kind === 'checked' ? answer.output.verdict.dialect : answer.inputDialects[0];
}

/** The dialect to report for a call. */
export function callDialect(dialect: Dialect, answer: ValidatedCall): Dialect {
  const shape = shapeOf(answer);
  return shape === undefined ? dialect : { ...dialect, shape };
}

/** The evidence entry for one call. */
export function answerEvidence(answer: ValidatedCall, dialect: Dialect): Record<string, unknown> {
  const call = answer.call;
  return {
    call: answer.label,
    input: answer.inputs.map(clip),
    ...(call.kind === 'output' ? { output: clip(call.text), ptr: call.ptr, len: call.len } : failedCallEvidence(call)),
    dialect: callDialect(dialect, answer),
  };
}
