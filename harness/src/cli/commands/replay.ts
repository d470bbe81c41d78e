/**
 * `plugcheck replay repro.json`: sends a replay bundle's exact call again and says whether the
 * failure it recorded still happens.
 */
import { replay } from '../../fuzz/replay.js';
import { formatProgressLine } from '../../report/reporters/console-reporter.js';
import { UsageError } from '../../errors.js';
import { parseOptions } from '../parse-options.js';
import { styleFor } from '../style.js';

/** Usage text of `plugcheck replay`. */
export const REPLAY_USAGE = `Usage: plugcheck replay <repro.json> [--plugin <plugin.wasm>] [--timeout ms]

Replays the call a failing fuzz check recorded in a replay bundle (written next to the report by
\`plugcheck test\`), with the bundle's profile, dialect, seed and limits. Refuses a plugin whose
sha256 differs from the bundle's.

Options:
  --plugin <path>         the plugin (default: the bundle's plugin.path, relative to the bundle)
  --timeout <ms>          per-call time limit (default: the bundle's), e.g. to replay a recorded hang quickly
  -h, --help              this text

Exit codes: 0 the call is now answered correctly, 1 the failure reproduced, 2 plugcheck could not run.`;

/** Runs the command; returns the exit code. */
export async function replayCommand(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseOptions('replay', args, { plugin: { type: 'string' }, timeout: { type: 'string' }, help: { type: 'boolean', short: 'h' } });
  if (values['help'] === true) {
    process.stdout.write(`${REPLAY_USAGE}\n`);
    return 0;
  }
  const [bundlePath, ...extra] = positionals;
  if (bundlePath === undefined || extra.length > 0) {
    throw new UsageError('plugcheck replay takes exactly one bundle', { expected: 'plugcheck replay <repro.json>', received: positionals.join(' ') || 'nothing', fix: 'pass the repro-<check>.json that `plugcheck test` wrote' });
  }
  const timeout = typeof values['timeout'] === 'string' ? Number(values['timeout']) : undefined;
  if (timeout !== undefined && !(Number.isInteger(timeout) && timeout > 0)) {
    throw new UsageError(`--timeout must be a positive number of milliseconds`, { expected: 'e.g. --timeout 500', received: String(values['timeout']), fix: 'pass a whole number of milliseconds' });
  }
  const outcome = await replay(bundlePath, typeof values['plugin'] === 'string' ? values['plugin'] : undefined, timeout);
  const style = styleFor(process.stdout);
  const { bundle, result } = outcome;
  process.stdout.write(`replay ${bundlePath}: ${bundle.check} on ${outcome.plugin} (${bundle.profile}, seed ${bundle.seed}, sha256 ${bundle.plugin.sha256})\n`);
  process.stdout.write(`${formatProgressLine(result, style)}\n`);
  const reproduced = result.status === 'failed' || result.status === 'timed-out';
  process.stdout.write(reproduced ? `reproduced: the failure recorded in the bundle still happens\n` : `not reproduced: the call is answered correctly now (${result.status})\n`);
  return reproduced ? 1 : result.status === 'passed' ? 0 : 1;
}
