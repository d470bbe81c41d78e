/**
 * The report's stylesheet, inlined into every page: system fonts, GitHub-like neutral colours with
 * WCAG AA contrast for text, compact tables, and a print layout without the interactive parts.
 */
export const PAGE_STYLE = `
:root {
  --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --soft: #eef1f4; --bg: #f6f8fa; --card: #fff;
  --pass: #1a7f37; --pass-bg: #dafbe1; --fail: #cf222e; --fail-bg: #ffebe9;
  --err: #8250df; --err-bg: #fbefff; --time: #bc4c00; --time-bg: #fff1e5; --skip: #59636e; --skip-bg: #eff2f5;
  --mono: ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace;
}
* { box-sizing: border-box; }
[hidden] { display: none !important; }
html { background: var(--bg); color: var(--fg); }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 1280px; margin: 0 auto; padding: 16px 24px 48px; }
h1 { font-size: 20px; margin: 0; font-weight: 600; }
h2 { font-size: 16px; margin: 20px 0 8px; font-weight: 600; }
h3 { font-size: 14px; margin: 18px 0 6px; font-weight: 600; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
code, pre, .hash { font-family: var(--mono); font-size: 12.5px; }
pre { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
.muted { color: var(--muted); }
td.title code, .msg-line code, .message code, summary code { background: var(--soft); border-radius: 3px; padding: 0 3px; font-size: 12px; }
.page-head { display: flex; flex-wrap: wrap; align-items: baseline; gap: 4px 16px; padding: 14px 24px; background: var(--card); border-bottom: 1px solid var(--line); }
.page-head .meta { color: var(--muted); font-size: 13px; }
.verdict { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 12px 24px; background: var(--card); border: 1px solid var(--line); border-left: 6px solid var(--pass); border-radius: 6px; padding: 14px 18px; margin-top: 8px; }
.verdict.fail { border-left-color: var(--fail); }
.verdict-line { display: flex; align-items: center; gap: 12px; }
.verdict-text { margin: 0; font-size: 15px; }
.verdict-badge { display: inline-block; white-space: nowrap; font-weight: 700; letter-spacing: .06em; font-size: 12px; padding: 2px 8px; border-radius: 4px; color: #fff; vertical-align: 2px; }
.verdict .verdict-badge { font-size: 16px; padding: 4px 12px; }
.verdict-badge.pass { background: var(--pass); }
.verdict-badge.fail { background: var(--fail); }
.counts { display: flex; flex-wrap: wrap; gap: 6px 18px; list-style: none; margin: 0; padding: 0; }
.count .n { font-weight: 700; font-size: 18px; font-variant-numeric: tabular-nums; }
.counts-plugin .count .n { font-size: 14px; }
.count .l { color: var(--muted); }
.count.zero { opacity: .55; }
.count.s-passed .n { color: var(--pass); } .count.s-failed .n { color: var(--fail); }
.count.s-errored .n { color: var(--err); } .count.s-timed-out .n { color: var(--time); } .count.s-skipped .n { color: var(--skip); }
table { border-collapse: collapse; width: 100%; background: var(--card); border: 1px solid var(--line); border-radius: 6px; }
th, td { text-align: left; vertical-align: top; padding: 5px 8px; border-bottom: 1px solid var(--soft); }
th { font-size: 12px; font-weight: 600; color: var(--muted); background: #f6f8fa; border-bottom: 1px solid var(--line); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
table.compact { width: auto; min-width: 50%; }
td.s-passed { color: var(--pass); } td.s-failed { color: var(--fail); } td.s-errored { color: var(--err); } td.s-timed-out { color: var(--time); } td.s-skipped { color: var(--skip); }
.badge { display: inline-block; min-width: 64px; text-align: center; font-size: 12px; font-weight: 600; padding: 1px 6px; border-radius: 10px; border: 1px solid transparent; }
.badge.s-passed { color: var(--pass); background: var(--pass-bg); } .badge.s-failed { color: var(--fail); background: var(--fail-bg); }
.badge.s-errored { color: var(--err); background: var(--err-bg); } .badge.s-timed-out { color: var(--time); background: var(--time-bg); }
.badge.s-skipped { color: var(--skip); background: var(--skip-bg); }
.tag { display: inline-block; font-size: 11px; padding: 0 5px; border-radius: 3px; margin-left: 4px; border: 1px solid var(--line); color: var(--muted); }
.tag.unmet { color: var(--fail); border-color: var(--fail); }
.filters { display: none; position: sticky; top: 0; z-index: 5; flex-wrap: wrap; align-items: center; gap: 8px 12px; margin: 20px 0 4px; padding: 8px 12px; background: rgba(255,255,255,.96); border: 1px solid var(--line); border-radius: 6px; box-shadow: 0 1px 3px rgba(31,35,40,.08); }
.js .filters { display: flex; }
.filters fieldset { border: 0; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 4px 10px; align-items: center; }
.filters legend { float: left; margin-right: 8px; font-weight: 600; color: var(--muted); font-size: 12px; }
.filters label { cursor: pointer; user-select: none; white-space: nowrap; }
.filters .n { color: var(--muted); font-variant-numeric: tabular-nums; }
.filters input[type=search] { font: inherit; padding: 3px 8px; border: 1px solid var(--line); border-radius: 4px; width: 170px; }
.filters button { font: inherit; font-size: 12px; padding: 2px 8px; border: 1px solid var(--line); border-radius: 4px; background: #f6f8fa; color: var(--fg); cursor: pointer; }
.filters .shown { margin-left: auto; color: var(--muted); font-size: 13px; }
.plugin { margin-top: 28px; }
.plugin-head { display: flex; flex-wrap: wrap; align-items: baseline; justify-content: space-between; gap: 6px 20px; border-bottom: 2px solid var(--line); padding-bottom: 6px; }
.plugin-head h2 { margin: 0; font-size: 17px; overflow-wrap: anywhere; }
.plugin-head .path { font-family: var(--mono); font-size: 15px; }
.plugin-facts { display: grid; grid-template-columns: max-content 1fr; gap: 3px 16px; margin: 10px 0 0; font-size: 13px; }
.plugin-facts dt { color: var(--muted); }
.plugin-facts dd { margin: 0; overflow-wrap: anywhere; }
.plugin-name { font-weight: 600; }
.chip { display: inline-block; margin: 0 6px 2px 0; padding: 0 6px; border: 1px solid var(--line); border-radius: 10px; font-family: var(--mono); font-size: 12px; background: var(--card); }
.chip .k { color: var(--muted); }
table.checks { table-layout: fixed; }
col.c-status { width: 150px; } col.c-id { width: 230px; } col.c-title { width: 28%; } col.c-time { width: 76px; }
table.checks td.id code { overflow-wrap: anywhere; }
table.checks td.msg, table.checks td.title { overflow-wrap: anywhere; }
tbody.check:hover > tr.row { background: #f6f8fa; }
tbody.v-bad > tr.row, tbody.v-expected > tr.row { background: #fff8f7; }
tbody.v-expected > tr.row { background: #fbfbfc; }
/* The whole message is in the evidence below; the row keeps its first lines. */
tbody.v-bad td.msg .msg-line, tbody.v-expected td.msg .msg-line { display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 3; overflow: hidden; }
tr.detail > td { padding: 0 8px 12px 32px; border-bottom: 1px solid var(--line); background: #fff8f7; }
tbody.v-expected > tr.detail > td { background: #fbfbfc; }
details.more > summary { cursor: pointer; margin-left: 1em; }
details.more > summary::marker { color: var(--muted); }
details.more > .evidence { margin-top: 6px; }
.evidence { border-left: 3px solid var(--line); padding: 6px 0 2px 12px; }
.evidence .message { margin: 0 0 8px; white-space: pre-wrap; overflow-wrap: anywhere; }
.evidence ul.message { padding-left: 18px; white-space: normal; }
.evidence ul.message li { white-space: pre-wrap; }
.facts { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 4px 14px; margin: 0 0 8px; }
.facts dt { color: var(--muted); font-size: 12px; font-weight: 600; padding-top: 3px; }
.facts dd { margin: 0; }
pre.value { background: var(--soft); border-radius: 4px; padding: 3px 6px; max-height: 14em; overflow: auto; }
pre.value + pre.value { margin-top: 3px; }
.replay { display: flex; align-items: center; gap: 8px; margin: 6px 0; padding: 5px 8px; background: #24292f; color: #f0f3f6; border-radius: 5px; }
.replay-label { font-size: 11px; text-transform: uppercase; letter-spacing: .05em; color: #b7bdc8; }
.replay-cmd { flex: 1; color: #f0f3f6; overflow-wrap: anywhere; }
.replay .copy { font: inherit; font-size: 12px; padding: 1px 10px; border-radius: 4px; border: 1px solid #57606a; background: #32383f; color: #f0f3f6; cursor: pointer; }
.replay .copy:hover { background: #424a53; }
.spec { margin: 4px 0; font-size: 12.5px; color: var(--fg); }
.expectation { margin: 0 0 8px; padding: 4px 8px; border-radius: 4px; font-size: 13px; }
.expectation.met { background: var(--soft); }
.expectation.unmet { background: var(--fail-bg); color: #82071e; }
details.raw { margin-top: 6px; }
details.raw > summary { cursor: pointer; font-size: 12.5px; color: var(--muted); }
details.raw > pre { margin-top: 4px; padding: 8px 10px; background: #f6f8fa; border: 1px solid var(--soft); border-radius: 4px; max-height: 28em; overflow: auto; }
.chart { margin: 8px 0 12px; padding: 10px 12px 6px; background: var(--card); border: 1px solid var(--line); border-radius: 6px; overflow-x: auto; }
.chart svg { display: block; max-width: 100%; height: auto; }
.chart figcaption { font-size: 12.5px; color: var(--muted); margin-top: 4px; contain: inline-size; }
.verdict.info { border-left-color: #2f6fde; }
.verdict-badge.info { background: #2f6fde; }
.bench table { margin-bottom: 12px; }
.bench-hook h3 { color: var(--fg); text-transform: none; letter-spacing: 0; font-family: var(--mono); font-size: 14px; }
.charts { display: flex; flex-wrap: wrap; gap: 0 16px; align-items: flex-start; }
.charts > .chart { flex: 0 1 auto; }
.ab { display: inline-block; font-size: 12px; font-weight: 600; padding: 1px 8px; border-radius: 10px; }
.ab-pass { color: var(--pass); background: var(--pass-bg); } .ab-fail { color: var(--fail); background: var(--fail-bg); } .ab-same { color: var(--skip); background: var(--skip-bg); }
.gate { padding: 8px 12px; border-radius: 6px; border: 1px solid var(--line); background: var(--card); border-left: 6px solid var(--pass); }
.gate.fail { border-left-color: var(--fail); }
.gate ul { margin: 4px 0 0; padding-left: 20px; }
.tag.role { font-size: 12px; vertical-align: 2px; }
a { color: #0969da; }
footer { margin-top: 32px; color: var(--muted); font-size: 12px; }
@media print {
  html, body { background: #fff; }
  main { max-width: none; padding: 0; }
  .filters, .copy { display: none !important; }
  .page-head { padding: 0 0 8px; }
  table, .verdict, .chart { border-color: #999; }
  tbody.check { break-inside: avoid; }
  .chart { break-inside: avoid; }
  pre.value, details.raw > pre { max-height: none; overflow: visible; }
  .replay { background: #fff; color: var(--fg); border: 1px solid #999; }
  .replay-cmd, .replay-label { color: var(--fg); }
  @page { margin: 12mm; }
}
`;
