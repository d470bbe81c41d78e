/**
 * `plugcheck test [<plugin.wasm>]`: runs every applicable check on a plugin (or on every plugin
 * plugcheck.config.json lists), applies the config's expected failures, and writes the reports.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { testPlugin } from '../../engine/test-plugin.js';
import { parseShard } from '../../engine/shard.js';
import { MAX_TIMEOUT_MS } from '../../host/heartbeat.js';
import { UsageError } from '../../errors.js';
import { formatHeader, formatProgressLine, formatSummary } from '../../report/reporters/console-reporter.js';
import { defaultReporterNames, REPORTER_NAMES, writeFileReports } from '../../report/reporters/file-reporters.js';
import { reportStems } from '../../report/reporters/json-reporter.js';
import { STEP_SUMMARY_ENV } from '../../report/reporters/markdown-reporter.js';
import { writeReplayBundles } from '../../fuzz/write-replay-bundles.js';
import { reportPasses } from '../../report/result-verdict.js';
import type { RunReport } from '../../report/run-report.js';
import { applyExpectedFailures, updatedExpectedFailures } from '../../config/expected-failures.js';
import { CONFIG_FILE, findConfig, unusedKeys } from '../../config/plugcheck-config.js';
import { checkReporterNames, planRun } from '../../config/run-plan.js';
import { writeExpectedFailures } from '../../config/write-expected-failures.js';
import { intOption, listOption, parseOptions } from '../parse-options.js';
import { ProgressTicker } from '../progress-ticker.js';
import { styleFor } from '../style.js';
import { memoryCapOption } from '../memory-cap-option.js';

/** Usage text of `plugcheck test`. */
export const TEST_USAGE = `Usage: plugcheck test <plugin.wasm> [options]     (or a FrankenTerm extension.toml or its directory)
       plugcheck test [options]                   (every plugin ./plugcheck.config.json or --config lists)

Runs plugcheck's checks on a plugin and writes reports. Flags override the config.

Options:
  --config <file>         config file (default: ./plugcheck.config.json when it exists)
  --profile <id>          profile to test against (default: detected)
  --only <globs>          comma-separated check-id globs, e.g. "abi.*,lifecycle.init"
  --skip <globs>          comma-separated check-id globs to leave out, e.g. "fuzz.*"
  --shard <i/n>           run shard i of n: the checks whose position modulo n is i-1 (merge with plugcheck merge)
  --reporter <list>       ${REPORTER_NAMES.join(',')} (default: console,json,html; markdown too when $${STEP_SUMMARY_ENV} is set)
  --out <dir>             report directory (default: reports)
  --seed <n>              seed of the sandbox's randomness (default: 1)
  --timeout <ms>          per-call time limit (default: the profile's)
  --instantiate-timeout <ms>  instantiation time limit (default: the profile's)
  --runs <n>              generated cases per fuzz check (default: 200)
  --fuzz-time <ms>        time budget per fuzz check; shrinking may add to it (default: 5000)
  --growth-calls <n>      hook calls of the memory growth run, on one instance (default: 200)
  --memory-cap <size>     memory cap in MiB (64) or 64 KiB pages (1024p) instead of the profile's
  --fuel <n>              fuel (metered instructions) per call limits.fuel allows, instead of the profile's
  --update-expectations   write the checks that failed, errored or timed out into the config's
                          expectedFailures (keeping existing reasons; new ones get a placeholder)
  -h, --help              this text

Exit codes: 0 all checks passed (or failed as expected), 1 a check failed, errored or timed out,
or an expected failure did not happen / names no check, 2 plugcheck could not run.`;

/** Runs the command; returns the exit code. */
export async function testCommand(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseOptions('test', args, {
    config: { type: 'string' },
    profile: { type: 'string' },
    only: { type: 'string' },
    skip: { type: 'string' },
    shard: { type: 'string' },
    reporter: { type: 'string' },
    out: { type: 'string' },
    seed: { type: 'string' },
    timeout: { type: 'string' },
    'instantiate-timeout': { type: 'string' },
    runs: { type: 'string' },
    'fuzz-time': { type: 'string' },
    'growth-calls': { type: 'string' },
    'memory-cap': { type: 'string' },
    fuel: { type: 'string' },
    'update-expectations': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values['help'] === true) {
    process.stdout.write(`${TEST_USAGE}\n`);
    return 0;
  }
  if (positionals.length > 1) {
    throw new UsageError('plugcheck test takes exactly one plugin (or none, to test those plugcheck.config.json lists)', {
      expected: 'plugcheck test <plugin.wasm>, or a plugcheck.config.json listing several',
      received: positionals.join(' '),
      fix: 'run plugcheck test once per plugin, or list them under "plugins" in plugcheck.config.json',
    });
  }
  const str = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : undefined);
  const list = (name: string) => (values[name] === undefined ? undefined : listOption(values[name]));
  const updating = values['update-expectations'] === true;
  const configFile = str('config');
  // --update-expectations may create the config it names.
  const loaded = updating && configFile !== undefined && !existsSync(configFile) ? undefined : await findConfig(configFile);
  const plan = planRun(
    {
      plugin: positionals[0],
      profile: str('profile'),
      only: list('only'),
      skip: list('skip'),
      shard: values['shard'] === undefined ? undefined : parseShard(String(values['shard'])),
      seed: intOption('seed', values['seed'], 0, 2 ** 32 - 1),
      callTimeoutMs: intOption('timeout', values['timeout'], 1, MAX_TIMEOUT_MS),
      instantiateTimeoutMs: intOption('instantiate-timeout', values['instantiate-timeout'], 1, MAX_TIMEOUT_MS),
      fuzzRuns: intOption('runs', values['runs'], 1),
      fuzzTimeMs: intOption('fuzz-time', values['fuzz-time'], 1),
      memoryCapPages: memoryCapOption(values['memory-cap']),
      fuelLimit: intOption('fuel', values['fuel'], 1),
      reporters: list('reporter'),
      out: str('out'),
    },
    loaded,
    defaultReporterNames(),
  );
  checkReporterNames(plan.reporters.map((r) => r.name), REPORTER_NAMES);
  const growthCalls = intOption('growth-calls', values['growth-calls'], 10, 100_000);
  const toConsole = plan.reporters.some((r) => r.name === 'console');
  const style = styleFor(process.stdout);
  const unused = loaded === undefined ? [] : unusedKeys(loaded.config);
  if (toConsole && unused.length > 0) {
    process.stdout.write(`${style.dim(`note: ${loaded?.file ?? CONFIG_FILE} sets ${unused.join(', ')}, which this version of plugcheck validates but does not use yet`)}\n`);
  }

  let reports: RunReport[] = [];
  for (const run of plan.plugins) {
    const ticker = new ProgressTicker(process.stdout, style.dim);
    try {
      reports.push(
        await testPlugin({
          plugin: run.plugin,
          profile: run.profile,
          dialect: run.dialect,
          only: plan.only,
          skip: plan.skip,
          shard: plan.shard,
          seed: plan.seed,
          callTimeoutMs: plan.callTimeoutMs,
          instantiateTimeoutMs: plan.instantiateTimeoutMs,
          fuzzRuns: plan.fuzzRuns,
          fuzzTimeMs: plan.fuzzTimeMs,
          growthCalls,
          memoryCapPages: plan.memoryCapPages,
          fuelLimit: plan.fuelLimit,
          hooks: plan.hooks,
          inputs: plan.inputs,
          thresholds: plan.thresholds,
          networkAllowList: plan.networkAllowList,
          extismManifest: run.extismManifest,
          pluginConfig: run.pluginConfig,
          onStart: (info, ids) => {
            if (!toConsole) return;
            process.stdout.write(formatHeader({ plugin: info }, style));
            ticker.start(ids);
          },
          onResult: (result) => {
            if (!toConsole) return;
            ticker.clear();
            process.stdout.write(`${formatProgressLine(result, style)}\n`);
          },
          onCheckDone: (index) => ticker.done(index),
        }),
      );
    } finally {
      ticker.stop();
    }
  }

  // --update-expectations rewrites the expected failures from this run, then the run is judged by them.
  let expected = plan.plugins.map((p) => p.expectedFailures);
  if (updating) {
    const file = loaded?.file ?? configFile ?? CONFIG_FILE;
    const updates = reports.map((report, i) => ({ plugin: report.plugin.path, expectedFailures: updatedExpectedFailures(report, expected[i]) }));
    const written = await writeExpectedFailures(file, updates);
    process.stdout.write(`updated ${file}: ${written} expected failure${written === 1 ? '' : 's'}${written > 0 ? ' (fill in the reason of any entry marked TODO)' : ''}\n`);
    expected = updates.map((u) => u.expectedFailures);
  }
  const checked = reports.map((report, i) => applyExpectedFailures(report, expected[i]));
  reports = checked.map((c) => c.report);
  const problems = checked.flatMap((c) => c.problems);

  if (toConsole) {
    for (const report of reports) process.stdout.write(`${formatSummary(report, style)}\n`);
  }
  for (const problem of problems) process.stdout.write(`${style.red('expectation')} ${problem}\n`);
  // Several plugins' bundles would share file names: each plugin gets its own directory.
  const stems = reportStems(reports);
  for (const [i, report] of reports.entries()) {
    for (const bundle of await writeReplayBundles(report, reports.length === 1 ? plan.out : join(plan.out, stems[i] ?? String(i)))) {
      process.stdout.write(`replay bundle (${bundle.check}): ${bundle.path}\n  ${bundle.commands.join('\n  ')}\n`);
    }
  }
  // The report paths are the last lines: the ones a user (or a script) looks for.
  for (const line of await writeFileReports(reports, plan.reporters)) process.stdout.write(`${line}\n`);
  return problems.length === 0 && reports.every(reportPasses) ? 0 : 1;
}
