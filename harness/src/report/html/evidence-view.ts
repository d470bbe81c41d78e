/**
 * One result's evidence as a reader wants it: the message, then the facts a failure is usually
 * judged by (input, output, trap, seed, shrink path, fix) pulled to the top, the command that
 * replays it with a copy button, and the whole evidence as JSON below. Everything here is plugin
 * data or derived from it, so every value goes through the escaping `html` tag.
 */
import type { Evidence } from '../check-result.js';
import type { ReportedResult } from '../run-report.js';
import { compactJson } from './compact-json.js';
import { inlineCode } from './inline-code.js';
import { html } from './safe-html.js';
import type { SafeHtml } from './safe-html.js';

/** Evidence keys worth showing above the JSON, with their labels, in the order shown. */
export const HIGHLIGHTS: readonly (readonly [key: string, label: string])[] = [
  ['name', 'name'],
  ['input', 'input'],
  ['output', 'output'],
  ['outcome', 'outcome'],
  ['trap', 'trap'],
  ['fault', 'fault'],
  ['problems', 'problems'],
  ['seed', 'seed'],
  ['shrinkPath', 'shrink path'],
  ['runs', 'cases run'],
  ['shrinks', 'shrink steps'],
  ['pluginSha256', 'plugin sha256'],
  ['fix', 'fix'],
];

/** A highlighted fact: its label, its values (several when a list of entries disagrees), and where it was found. */
export interface Highlight {
  readonly label: string;
  readonly values: readonly unknown[];
  readonly path: string;
}

/** At most this many distinct values of one key are shown from a list; the JSON below has them all. */
export const MAX_HIGHLIGHT_VALUES = 4;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function distinct(values: readonly unknown[]): unknown[] {
  const seen = new Map<string, unknown>();
  for (const v of values) seen.set(JSON.stringify(v), v);
  return [...seen.values()].slice(0, MAX_HIGHLIGHT_VALUES);
}

/**
 * The highlighted facts of an evidence object: each key at the top level or, failing that, in the
 * entries of a top-level list of records (e.g. several failing calls), their distinct values.
 */
export function highlightsOf(evidence: Evidence): Highlight[] {
  const lists = Object.entries(evidence).filter((e): e is [string, unknown[]] => Array.isArray(e[1]) && isRecord(e[1][0]));
  const found: Highlight[] = [];
  for (const [key, label] of HIGHLIGHTS) {
    if (evidence[key] !== undefined) {
      found.push({ label, values: [evidence[key]], path: key });
      continue;
    }
    for (const [name, items] of lists) {
      const values = items.filter(isRecord).map((item) => item[key]).filter((v) => v !== undefined);
      if (values.length === 0) continue;
      found.push({ label, values: distinct(values), path: `${name}[].${key}` });
      break;
    }
  }
  return found;
}

function valueView(value: unknown): SafeHtml {
  if (typeof value === 'string') return html`<pre class="value">${value}</pre>`;
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) {
    return html`${value.map((v) => html`<pre class="value">${v}</pre>`)}`;
  }
  return html`<pre class="value">${compactJson(value)}</pre>`;
}

/** Checks join several findings with ` | `; a list reads better than one long line. */
export const FINDING_SEPARATOR = ' | ';

/** A result's message: one paragraph, or a list when it joins several findings. */
export function messageView(message: string): SafeHtml {
  const findings = message.split(FINDING_SEPARATOR);
  if (findings.length < 2) return html`<p class="message">${inlineCode(message)}</p>`;
  return html`<ul class="message">${findings.map((f) => html`<li>${inlineCode(f)}</li>`)}</ul>`;
}

/** The replay command with a button that copies it. */
export function replayView(command: string): SafeHtml {
  return html`<div class="replay"><span class="replay-label">replay</span><code class="replay-cmd">${command}</code><button type="button" class="copy" title="Copy the command">Copy</button></div>`;
}

/** The expectation the configuration attaches to a result, when there is one. */
export function expectationView(result: ReportedResult): SafeHtml | undefined {
  const e = result.expectation;
  if (e === undefined) return undefined;
  const head = e.met ? `expected ${e.status}` : `expected ${e.status}, but it ${result.status === 'timed-out' ? 'timed out' : result.status}`;
  return html`<p class="expectation ${e.met ? 'met' : 'unmet'}"><strong>${head}</strong> — ${e.reason}${e.link === undefined ? '' : html` <span class="muted">(tracked at <code>${e.link}</code>)</span>`}</p>`;
}

/** Evidence JSON up to this many lines is shown unfolded under a failure; longer is folded. */
export const UNFOLDED_JSON_LINES = 40;

/**
 * The detail block of one result: for a failure (`bad`), the highlights, the replay command and
 * short evidence unfolded; otherwise the message with the evidence folded behind a summary line.
 */
export function evidenceView(result: ReportedResult, options: { readonly bad: boolean }): SafeHtml {
  const evidence = 'evidence' in result ? result.evidence : undefined;
  const highlights = options.bad && evidence !== undefined ? highlightsOf(evidence) : [];
  const json = evidence === undefined ? undefined : compactJson(evidence);
  const unfolded = options.bad && json !== undefined && json.split('\n').length <= UNFOLDED_JSON_LINES;
  return html`<div class="evidence">
${messageView(result.message)}
${expectationView(result)}
${highlights.length > 0 ? html`<dl class="facts">${highlights.map((h) => html`<dt title="${h.path}">${h.label}</dt><dd>${h.values.map(valueView)}</dd>`)}</dl>` : ''}
${options.bad ? replayView(result.replay) : ''}
<p class="spec"><span class="muted">spec</span> ${result.specRef}</p>
${json === undefined ? '' : html`<details class="raw"${unfolded ? html` open` : ''}><summary>evidence JSON <span class="muted">(${json.split('\n').length} lines)</span></summary><pre>${json}</pre></details>`}
</div>`;
}
