/**
 * The bench report as a console table: per plugin and hook, one block per payload size with a row
 * per phase (mean, p50, p99 in µs, rme, samples, guest instructions), the whole call and the floor,
 * then the ratio to the floor and the JSON share; the fits; and the A/B comparison with its verdicts.
 */
import type { Style } from '../cli/style.js';
import type { BenchComparison, BenchHookResult, BenchPluginResult, BenchReport, BenchStats, BenchVerdict } from './bench-report.js';

/** Goal for plugcheck's Bifrost host over the raw floor at 1 KiB (issue 9). */
export const FLOOR_GOAL = 1.2;
/** Goal for plugcheck's Extism call over the plain SDK (issue 9). */
export const SDK_GOAL = 1.1;

type Align = 'l' | 'r';

/** Aligns rows of cells into lines (`l`eft or `r`ight per column). */
export function alignTable(rows: readonly (readonly string[])[], align: readonly Align[], indent = '  '): string[] {
  const widths = align.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows.map((r) => indent + r.map((cell, c) => (align[c] === 'r' ? cell.padStart(widths[c] ?? 0) : cell.padEnd(widths[c] ?? 0))).join('  ').trimEnd());
}

/** A size in bytes as people read it: `100 B`, `1 KiB`, `64 KiB`. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const kib = n / 1024;
  return `${Number.isInteger(kib) ? kib : kib.toFixed(1)} KiB`;
}

const us = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));
const count = (n: number) => n.toLocaleString('en-US');
const statCells = (s: BenchStats) => [us(s.meanUs), us(s.p50Us), us(s.p99Us), s.rme.toFixed(1), String(s.samples)];

function hookLines(hook: BenchHookResult, extism: boolean, style: Style): string[] {
  const lines = [style.bold(`${hook.hook}`)];
  const header = ['size', 'phase', 'mean µs', 'p50 µs', 'p99 µs', 'rme %', 'samples', 'instructions', '× floor'];
  const rows: string[][] = [header];
  const notes = new Map<number, string>();
  for (const size of hook.sizes) {
    const label = size.inputBytes === size.requestedBytes ? formatBytes(size.requestedBytes) : `${formatBytes(size.requestedBytes)} (${size.inputBytes} B)`;
    let first = true;
    const row = (phase: string, stats: BenchStats, instructions: string, ratio: string) => {
      rows.push([first ? label : '', phase, ...statCells(stats), instructions, ratio]);
      first = false;
    };
    for (const p of size.phases) row(p.phase, p.stats, count(p.instructions), (p.stats.p50Us / size.floor.p50Us).toFixed(3));
    row('call', size.call, count(size.instructions), size.floorRatio.toFixed(3));
    row(extism ? 'plain SDK' : 'floor', size.floor, '', '1.000');
    const goal = extism ? SDK_GOAL : FLOOR_GOAL;
    const json = size.jsonShare === undefined ? '' : `; JSON stringify + parse ${(size.jsonShare * 100).toFixed(0)} % of the phases`;
    notes.set(rows.length, `→ call ${size.floorRatio.toFixed(3)}× the ${extism ? 'plain @extism/extism call' : 'raw floor'} (goal ≤ ${goal}×${size.floorRatio <= goal ? '' : ', missed'})${json}`);
  }
  const table = alignTable(rows, ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'r']);
  table.forEach((line, i) => {
    lines.push(i === 0 ? style.dim(line) : line);
    const note = notes.get(i + 1);
    if (note !== undefined) lines.push(`      ${note}`);
  });
  if (hook.fits.length > 0) {
    lines.push('  fixed + per-KiB fit across sizes:');
    lines.push(...alignTable(hook.fits.map((f) => [f.series, `${us(f.fixedUs)} µs`, `+ ${us(f.perKiBUs)} µs/KiB`, f.r2 === undefined ? '' : `r² ${f.r2.toFixed(3)}`]), ['l', 'r', 'r', 'r'], '    '));
  }
  return lines;
}

function pluginLines(p: BenchPluginResult, style: Style): string[] {
  const extism = p.plugin.profile === 'extism' || p.plugin.profile === 'extism-datasource';
  const head = `${style.bold(p.role === 'baseline' ? 'baseline' : 'plugcheck bench')} ${p.plugin.path}  ${style.dim(`${p.plugin.profile}, ${p.plugin.bytes} bytes, sha256 ${p.plugin.sha256.slice(0, 12)}…`)}`;
  return [head, ...p.hooks.flatMap((h) => hookLines(h, extism, style))];
}

function verdictText(v: BenchVerdict, style: Style): string {
  return v === 'slower' ? style.red('slower') : v === 'faster' ? style.green('faster') : 'no detectable difference';
}

/** The A/B block. */
export function comparisonLines(c: BenchComparison, style: Style): string[] {
  const lines = [
    style.bold(`A/B against ${c.baseline.path}`) + style.dim(` (${c.method}; ${c.confidence * 100} % interval; differences under ${c.minDetectableEffect * 100} % are never called)`),
  ];
  const rows = [['hook', 'size', 'instructions subject / baseline', 'ratio', 'verdict', 'time ratio', `${c.confidence * 100} % interval`, 'rounds', 'verdict']];
  for (const r of c.rows) {
    rows.push([
      r.hook, formatBytes(r.requestedBytes), `${count(r.instructions.subject)} / ${count(r.instructions.baseline)}`, `${r.instructions.ratio.toFixed(3)}×`, r.instructions.verdict.replaceAll('-', ' '),
      `${r.time.ratio.toFixed(3)}×`, `[${r.time.ciLow.toFixed(3)}, ${r.time.ciHigh >= 1e6 ? '∞' : r.time.ciHigh.toFixed(3)}]`, String(r.time.rounds), r.time.verdict.replaceAll('-', ' '),
    ]);
  }
  const table = alignTable(rows, ['l', 'r', 'r', 'r', 'l', 'r', 'r', 'r', 'l']);
  lines.push(style.dim(table[0] ?? ''), ...table.slice(1));
  lines.push(`  verdict (time): ${verdictText(c.verdict, style)}`);
  if (c.gate !== undefined) {
    lines.push(c.gate.passed ? style.green(`  regression gate (${c.gate.thresholdPct} %): passed`) : style.red(`  regression gate (${c.gate.thresholdPct} %): FAILED`));
    for (const f of c.gate.failures) lines.push(`    ${f}`);
  }
  return lines;
}

/** The whole report as console text (ends with a newline). */
export function renderBenchConsole(report: BenchReport, style: Style): string {
  const lines = report.plugins.flatMap((p) => [...pluginLines(p, style), '']);
  if (report.comparison !== undefined) lines.push(...comparisonLines(report.comparison, style), '');
  lines.push(style.dim(`${report.options.rounds} rounds × ${report.options.timeMs} ms per task; Node ${report.tool.node}, ${report.machine.cpus} × ${report.machine.cpuModel}; ${(report.durationMs / 1000).toFixed(1)} s`));
  return `${lines.join('\n')}\n`;
}
