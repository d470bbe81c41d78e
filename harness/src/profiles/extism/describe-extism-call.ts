/**
 * Words and evidence for an Extism call, shared by every check that makes one, so a trap, a return
 * code or an `error_set` reads the same wherever it shows up.
 */
import type { DatasourceCall } from './datasource-run.js';
import type { ExtismCall } from './extism-session.js';

const MAX_TEXT = 1024;

/** Shortens text for evidence. */
export function clipText(text: string): string {
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}… (${text.length} chars)` : text;
}

/** `rc 1`, or `rc unknown` when the code could not be recovered. */
export function rcText(call: Extract<ExtismCall, { kind: 'returned' }>): string {
  return call.rc === undefined ? 'rc unknown' : `rc ${call.rc}`;
}

/** One phrase for what a call did: `trapped (unreachable): …`, `returned rc 1 with error_set "…"`. */
export function describeCall(call: ExtismCall): string {
  if (call.kind === 'trapped') return `trapped (${call.trap.kind}): ${call.trap.message}`;
  const parts = [`returned ${rcText(call)}`];
  if (call.error !== null) parts.push(`with error_set "${clipText(call.error)}"`);
  if (call.output === null) parts.push(call.error === null ? 'and no output' : '');
  else parts.push(call.output.text === null ? `and ${call.output.bytes} bytes of output that are not UTF-8` : `and output ${clipText(call.output.text)}`);
  return parts.filter(Boolean).join(' ');
}

/** The evidence of one call of the data-source run. */
export function callEvidence(entry: DatasourceCall): Record<string, unknown> {
  const { call } = entry;
  const outcome =
    call.kind === 'trapped'
      ? { outcome: 'trap', trap: call.trap }
      : { outcome: 'returned', rc: call.rc ?? 'unknown', error: call.error, output: call.output?.text == null ? call.output : clipText(call.output.text) };
  return {
    export: call.export,
    purpose: entry.purpose,
    input: clipText(call.input),
    ...outcome,
    memoryPages: call.memoryPages,
    durationMs: call.durationMs,
    hostCalls: entry.hostCalls.map((h) => `${h.import} ${String(h.args[0] ?? '')} -> ${String(h.result ?? h.error ?? '')}`),
    ...(entry.findings.length > 0 ? { findings: entry.findings } : {}),
  };
}
