/**
 * The sections of the benchmark report: the verdict at a glance, each plugin's hooks (phase split,
 * payload sweep, per-size figures, fixed + per-KiB fits) and the A/B comparison with its gate.
 */
import { BENCH_PHASES } from '../../bench/bench-report.js';
import type { BenchComparison, BenchHookResult, BenchPluginResult, BenchReport, BenchVerdict } from '../../bench/bench-report.js';
import { comparisonSpec, payloadSweepSpec, phaseSplitSpec } from './bench-charts.js';
import { formatBytes, formatCount, formatRatio, formatShare, formatUs } from './format-numbers.js';
import { dialectChips, pluginAnchor } from './plugin-section.js';
import { renderChart } from './render-chart.js';
import { html } from './safe-html.js';
import type { SafeHtml } from './safe-html.js';

/** The words and colour class of an A/B verdict. */
export const VERDICT_LABELS: Readonly<Record<BenchVerdict, { readonly text: string; readonly cls: string }>> = {
  faster: { text: 'faster', cls: 'pass' },
  slower: { text: 'slower', cls: 'fail' },
  'no-detectable-difference': { text: 'no detectable difference', cls: 'same' },
};

const verdictTag = (v: BenchVerdict) => html`<span class="ab ab-${VERDICT_LABELS[v].cls}">${VERDICT_LABELS[v].text}</span>`;

/** The sentence at the top of a bench report. */
export function benchSentence(bench: BenchReport): string {
  const subject = bench.plugins.find((p) => p.role === 'subject') ?? bench.plugins[0];
  const c = bench.comparison;
  if (c !== undefined) {
    const worst = [...c.rows].sort((a, b) => b.time.ratio - a.time.ratio)[0];
    const at = worst === undefined ? '' : `; largest time ratio ${formatRatio(worst.time.ratio)} at ${worst.hook} ${formatBytes(worst.requestedBytes)}`;
    return `${subject?.plugin.path ?? 'subject'} against ${c.baseline.path}: ${VERDICT_LABELS[c.verdict].text}${at}.`;
  }
  const hooks = subject?.hooks ?? [];
  const ratios = hooks.flatMap((h) => h.sizes.map((s) => s.floorRatio));
  const range = ratios.length === 0 ? '' : `; plugcheck's call costs ${formatRatio(Math.min(...ratios))}–${formatRatio(Math.max(...ratios))} the raw floor`;
  return `${subject?.plugin.path ?? 'no plugin'}: ${hooks.length} hook${hooks.length === 1 ? '' : 's'} × ${bench.options.sizes.length} payload size${bench.options.sizes.length === 1 ? '' : 's'} measured${range}.`;
}

/** The top of the page: verdict (with an A/B comparison), the gate, the machine and options. */
export function benchVerdictSection(bench: BenchReport): SafeHtml {
  const c = bench.comparison;
  const failed = c?.gate !== undefined && !c.gate.passed;
  const cls = c === undefined ? 'info' : failed || c.verdict === 'slower' ? 'fail' : 'pass';
  const m = bench.machine;
  const o = bench.options;
  return html`<section class="verdict ${cls}" data-verdict="${c?.verdict ?? 'measured'}">
<div class="verdict-line">${c === undefined ? html`<span class="verdict-badge info">BENCH</span>` : verdictTag(c.verdict)}${
    c?.gate === undefined ? '' : html`<span class="verdict-badge ${c.gate.passed ? 'pass' : 'fail'}">gate ${c.gate.passed ? 'PASS' : 'FAIL'}</span>`
  }<p class="verdict-text">${benchSentence(bench)}</p></div>
</section>
<dl class="plugin-facts bench-facts">
<dt>machine</dt><dd>${m.cpuModel} · ${m.cpus} CPUs · ${m.platform}/${m.arch}</dd>
<dt>options</dt><dd>hooks ${o.hooks.join(', ')} · sizes ${o.sizes.map(formatBytes).join(', ')} · ${o.timeMs} ms per task per round · ${o.rounds} rounds</dd>
<dt>run</dt><dd>started ${bench.createdAt} · took ${formatUs(bench.durationMs / 1000)} s</dd>
</dl>`;
}

function sizeTable(hook: BenchHookResult): SafeHtml {
  const extism = hook.sizes.some((s) => s.extism !== undefined);
  const share = hook.sizes.some((s) => s.jsonShare !== undefined);
  return html`<table class="compact bench-sizes"><thead><tr><th class="num">input</th><th class="num">output</th><th class="num">call mean µs</th><th class="num">p50</th><th class="num">p99</th><th class="num">±rme</th><th class="num">samples</th><th class="num">floor mean µs</th><th class="num">vs floor</th>${share ? html`<th class="num">JSON share</th>` : ''}<th class="num">instructions</th>${extism ? html`<th class="num">plain SDK µs</th><th class="num">vs SDK</th>` : ''}</tr></thead><tbody>${hook.sizes.map(
    (s) =>
      html`<tr data-size="${s.requestedBytes}"><td class="num">${formatBytes(s.inputBytes)}</td><td class="num">${formatBytes(s.outputBytes)}</td><td class="num">${formatUs(s.call.meanUs)}</td><td class="num">${formatUs(s.call.p50Us)}</td><td class="num">${formatUs(s.call.p99Us)}</td><td class="num">${s.call.rme.toFixed(1)} %</td><td class="num">${formatCount(s.call.samples)}</td><td class="num">${formatUs(s.floor.meanUs)}</td><td class="num">${formatRatio(s.floorRatio)}</td>${share ? html`<td class="num">${s.jsonShare === undefined ? '—' : formatShare(s.jsonShare)}</td>` : ''}<td class="num">${formatCount(s.instructions)}</td>${
        extism ? html`<td class="num">${s.extism === undefined ? '—' : formatUs(s.extism.sdk.meanUs)}</td><td class="num">${s.extism === undefined ? '—' : formatRatio(s.extism.ratio)}</td>` : ''
      }</tr>`,
  )}</tbody></table>`;
}

function phaseTable(hook: BenchHookResult): SafeHtml {
  const sizes = hook.sizes.filter((s) => s.phases.length > 0);
  if (sizes.length === 0) return html``;
  return html`<table class="compact bench-phases"><thead><tr><th>phase</th>${sizes.map((s) => html`<th class="num">${formatBytes(s.inputBytes)}</th>`)}</tr></thead><tbody>${BENCH_PHASES.map(
    (phase) =>
      html`<tr data-phase="${phase}"><td>${phase}</td>${sizes.map((s) => {
        const p = s.phases.find((x) => x.phase === phase);
        return p === undefined
          ? html`<td class="num">—</td>`
          : html`<td class="num">${formatUs(p.stats.meanUs)} µs<br><span class="muted">p99 ${formatUs(p.stats.p99Us)}${p.instructions > 0 ? html` · ${formatCount(p.instructions)} instr` : ''}</span></td>`;
      })}</tr>`,
  )}</tbody></table>`;
}

function fitTable(hook: BenchHookResult): SafeHtml {
  if (hook.fits.length === 0) return html``;
  return html`<table class="compact bench-fits"><thead><tr><th>series</th><th class="num">fixed µs</th><th class="num">µs per KiB</th><th class="num">r²</th></tr></thead><tbody>${hook.fits.map(
    (f) => html`<tr><td>${f.series}</td><td class="num">${formatUs(f.fixedUs)}</td><td class="num">${formatUs(f.perKiBUs)}</td><td class="num">${f.r2 === undefined ? '—' : f.r2.toFixed(3)}</td></tr>`,
  )}</tbody></table>`;
}

async function hookSection(hook: BenchHookResult): Promise<SafeHtml> {
  const phase = phaseSplitSpec(hook);
  const sweep = payloadSweepSpec(hook);
  const charts = await Promise.all([
    phase === undefined ? undefined : renderChart(phase, `${hook.hook}: where a call's time goes at each input size (host phases grey and green, guest phases in between)`),
    sweep === undefined ? undefined : renderChart(sweep, `${hook.hook}: mean time per call against input size (both axes logarithmic)`),
  ]);
  return html`<section class="bench-hook" data-hook="${hook.hook}">
<h3>${hook.hook}</h3>
<div class="charts">${charts.filter((c) => c !== undefined)}</div>
${sizeTable(hook)}
${phaseTable(hook)}
${fitTable(hook)}
</section>`;
}

/** One plugin's measurements. */
export async function benchPluginSection(result: BenchPluginResult, index: number): Promise<SafeHtml> {
  const p = result.plugin;
  return html`<section class="plugin bench" id="${pluginAnchor(index)}" data-role="${result.role}">
<header class="plugin-head"><h2><span class="tag role">${result.role}</span> <span class="path">${p.path}</span></h2></header>
<dl class="plugin-facts"><dt>sha256</dt><dd><code class="hash">${p.sha256}</code></dd><dt>size</dt><dd>${formatCount(p.bytes)} bytes</dd><dt>profile</dt><dd><code>${p.profile}</code></dd><dt>dialect</dt><dd>${dialectChips(p.dialect)}</dd></dl>
${await Promise.all(result.hooks.map(hookSection))}
</section>`;
}

/** The A/B comparison: chart of time ratios, the per-row table, and the regression gate. */
export async function comparisonSection(c: BenchComparison): Promise<SafeHtml> {
  const chart = c.rows.length === 0 ? html`` : await renderChart(comparisonSpec(c), `time ratio per hook and size with its interval; the grey band is the ±${Math.round(c.minDetectableEffect * 100)} % never called a difference`);
  return html`<section class="bench comparison">
<h2>A/B comparison ${verdictTag(c.verdict)}</h2>
<dl class="plugin-facts"><dt>baseline</dt><dd><span class="path">${c.baseline.path}</span> <code class="hash">${c.baseline.sha256}</code>${c.baseline.createdAt === undefined ? '' : html` <span class="muted">(measured ${c.baseline.createdAt})</span>`}</dd>
<dt>method</dt><dd>${c.method === 'interleaved' ? 'both plugins in this process, alternating rounds' : 'against a saved baseline report, times normalised by each run\u2019s floor'}</dd>
<dt>interval</dt><dd>${Math.round(c.confidence * 100)} % — ${c.intervalMethod}</dd></dl>
${chart}
<table class="compact ab-rows"><thead><tr><th>hook</th><th class="num">size</th><th class="num">instr. subject</th><th class="num">instr. baseline</th><th class="num">instr. ratio</th><th>instr. verdict</th><th class="num">time ratio</th><th class="num">interval</th><th class="num">rounds</th><th>time verdict</th></tr></thead><tbody>${c.rows.map(
    (r) =>
      html`<tr><td>${r.hook}</td><td class="num">${formatBytes(r.requestedBytes)}</td><td class="num">${formatCount(r.instructions.subject)}</td><td class="num">${formatCount(r.instructions.baseline)}</td><td class="num">${formatRatio(r.instructions.ratio)}</td><td>${verdictTag(r.instructions.verdict)}</td><td class="num">${formatRatio(r.time.ratio)}</td><td class="num">${r.time.ciLow.toFixed(3)}–${r.time.ciHigh.toFixed(3)}</td><td class="num">${r.time.rounds}</td><td>${verdictTag(r.time.verdict)}</td></tr>`,
  )}</tbody></table>
${
  c.gate === undefined
    ? ''
    : html`<div class="gate ${c.gate.passed ? 'pass' : 'fail'}"><strong>regression gate ${c.gate.passed ? 'passed' : 'failed'}</strong> (threshold ${c.gate.thresholdPct} %)${
        c.gate.failures.length === 0 ? '' : html`<ul>${c.gate.failures.map((f) => html`<li>${f}</li>`)}</ul>`
      }</div>`
}
</section>`;
}
