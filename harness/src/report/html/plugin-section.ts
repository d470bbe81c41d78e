/**
 * One plugin's part of the report: what was tested (path, name, sha256, size, profile, dialect,
 * options), its verdict and counts, its memory curves and its per-check table.
 */
import type { RunReport } from '../run-report.js';
import { checksTable } from './checks-table.js';
import { formatCount, formatDuration } from './format-numbers.js';
import { memorySection } from './memory-section.js';
import { reportPasses } from '../result-verdict.js';
import { html } from './safe-html.js';
import type { SafeHtml } from './safe-html.js';
import { summaryCounts } from './summary-counts.js';
import { verdictBadge } from './status-badge.js';

/** The name the plugin gave itself, when a check recorded it (`lifecycle.get-name`'s evidence). */
export function pluginName(report: RunReport): string | undefined {
  for (const r of report.results) {
    if (r.check !== 'lifecycle.get-name' || !('evidence' in r) || r.evidence === undefined) continue;
    const name = r.evidence['name'];
    if (typeof name === 'string') return name;
  }
  return undefined;
}

/** A plugin's dialect as chips (`allocator malloc`, `free free(ptr)`), or "none". */
export function dialectChips(dialect: Readonly<Record<string, string>>): SafeHtml {
  const entries = Object.entries(dialect);
  if (entries.length === 0) return html`<span class="muted">none</span>`;
  return html`${entries.map(([k, v]) => html`<span class="chip"><span class="k">${k}</span> ${v}</span>`)}`;
}

/** The anchor id of a plugin's section (its position, so no plugin text ends up in an id). */
export const pluginAnchor = (index: number): string => `plugin-${index + 1}`;

/** The section of one plugin. */
export async function pluginSection(report: RunReport, index: number): Promise<SafeHtml> {
  const p = report.plugin;
  const name = pluginName(report);
  const facts: [string, SafeHtml][] = [
    ...(name === undefined ? [] : [['name', html`<span class="plugin-name">${name}</span>`] as [string, SafeHtml]]),
    ['sha256', html`<code class="hash">${p.sha256}</code>`],
    ['size', html`${formatCount(p.bytes)} bytes`],
    ['profile', html`<code>${p.profile}</code> <span class="muted">(${p.profileSource})</span>`],
    ['dialect', dialectChips(p.dialect)],
    ...(p.module === undefined ? [] : [['module', html`<code>${p.module}</code>`] as [string, SafeHtml]]),
    ...(p.manifest === undefined ? [] : [['manifest', html`<code>${p.manifest}</code>`] as [string, SafeHtml]]),
    ...(report.options.shard === undefined ? [] : [['shard', html`${report.options.shard.index} of ${report.options.shard.count} <span class="muted">(this report holds only that shard's checks)</span>`] as [string, SafeHtml]]),
    ['run', html`seed ${report.options.seed} · call limit ${formatDuration(report.options.callTimeoutMs)} · instantiate limit ${formatDuration(report.options.instantiateTimeoutMs)} · took ${formatDuration(report.durationMs)}`],
  ];
  return html`<section class="plugin" id="${pluginAnchor(index)}" data-plugin-index="${index}">
<header class="plugin-head">
<h2>${verdictBadge(reportPasses(report))} <span class="path">${p.path}</span></h2>
${summaryCounts(report.summary, 'plugin')}
</header>
<dl class="plugin-facts">${facts.map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}</dl>
${await memorySection(report)}
<h3>Checks</h3>
${checksTable(report)}
</section>`;
}
