/**
 * `plugcheck test <plugin.wasm>`: runs every applicable check and writes the reports.
 */
import { testPlugin } from '../../engine/test-plugin.js';
import { MAX_TIMEOUT_MS } from '../../host/heartbeat.js';
import { UsageError } from '../../errors.js';
import { formatHeader, formatProgressLine, formatSummary } from '../../report/reporters/console-reporter.js';
import { writeJsonReport } from '../../report/reporters/json-reporter.js';
import { writeReplayBundles } from '../../fuzz/write-replay-bundles.js';
import { isGreen } from '../../report/run-report.js';
import { intOption, listOption, onePlugin, parseOptions } from '../parse-options.js';
import { styleFor } from '../style.js';

/** Usage text of `plugcheck test`. */
export const TEST_USAGE = `Usage: plugcheck test <plugin.wasm> [options]

Runs plugcheck's checks on a plugin and writes reports.

Options:
  --profile <id>          profile to test against (default: detected)
  --only <globs>          comma-separated check-id globs, e.g. "abi.*,lifecycle.init"
  --reporter <list>       console,json (default: console,json)
  --out <dir>             report directory (default: reports)
  --seed <n>              seed of the sandbox's randomness (default: 1)
  --timeout <ms>          per-call time limit (default: the profile's)
  --instantiate-timeout <ms>  instantiation time limit (default: the profile's)
  --runs <n>              generated cases per fuzz check (default: 200)
  --fuzz-time <ms>        time budget per fuzz check; shrinking may add to it (default: 5000)
  -h, --help              this text

Exit codes: 0 all checks passed, 1 a check failed, errored or timed out, 2 plugcheck could not run.`;

const REPORTERS = ['console', 'json'] as const;

/** Runs the command; returns the exit code. */
export async function testCommand(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseOptions('test', args, {
    profile: { type: 'string' },
    only: { type: 'string' },
    reporter: { type: 'string' },
    out: { type: 'string' },
    seed: { type: 'string' },
    timeout: { type: 'string' },
    'instantiate-timeout': { type: 'string' },
    runs: { type: 'string' },
    'fuzz-time': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values['help'] === true) {
    process.stdout.write(`${TEST_USAGE}\n`);
    return 0;
  }
  const plugin = onePlugin('test', positionals);
  const reporters = values['reporter'] === undefined ? [...REPORTERS] : listOption(values['reporter']);
  const unknown = reporters.filter((r) => !(REPORTERS as readonly string[]).includes(r));
  if (unknown.length > 0) {
    throw new UsageError(`unknown reporter ${unknown.join(', ')}`, { expected: REPORTERS.join(', '), received: unknown.join(', '), fix: 'pass --reporter console,json' });
  }
  const toConsole = reporters.includes('console');
  const style = styleFor(process.stdout);
  const report = await testPlugin({
    plugin,
    profile: typeof values['profile'] === 'string' ? values['profile'] : undefined,
    only: listOption(values['only']),
    seed: intOption('seed', values['seed'], 0, 2 ** 32 - 1),
    callTimeoutMs: intOption('timeout', values['timeout'], 1, MAX_TIMEOUT_MS),
    instantiateTimeoutMs: intOption('instantiate-timeout', values['instantiate-timeout'], 1, MAX_TIMEOUT_MS),
    fuzzRuns: intOption('runs', values['runs'], 1),
    fuzzTimeMs: intOption('fuzz-time', values['fuzz-time'], 1),
    onStart: (info) => {
      if (toConsole) process.stdout.write(formatHeader({ plugin: info }, style));
    },
    onResult: (result) => {
      if (toConsole) process.stdout.write(`${formatProgressLine(result, style)}\n`);
    },
  });
  if (toConsole) {
    process.stdout.write(`${formatSummary(report, style)}\n`);
  }
  const out = typeof values['out'] === 'string' ? values['out'] : 'reports';
  for (const bundle of await writeReplayBundles(report, out)) {
    process.stdout.write(`replay bundle (${bundle.check}): ${bundle.path}\n  ${bundle.commands.join('\n  ')}\n`);
  }
  // The report's path is the last line: the one a user (or a script) looks for.
  if (reporters.includes('json')) {
    const path = await writeJsonReport(report, out);
    process.stdout.write(`report: ${path}\n`);
  }
  return isGreen(report.summary) ? 0 : 1;
}
