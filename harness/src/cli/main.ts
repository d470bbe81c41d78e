/**
 * The `plugcheck` command line: dispatches to a command and turns plugcheck's own errors into a
 * coded message and exit code 2, never a stack trace.
 */
import { PlugcheckError, UsageError, toError } from '../errors.js';
import { PLUGCHECK_VERSION } from '../engine/version.js';
import { benchCommand } from './commands/bench.js';
import { inspectCommand } from './commands/inspect.js';
import { mergeCommand } from './commands/merge.js';
import { replayCommand } from './commands/replay.js';
import { schemaCommand } from './commands/schema.js';
import { testCommand } from './commands/test.js';

/** Exit codes, documented in the README (§Exit codes) and in `plugcheck --help`. */
export const EXIT = { ok: 0, checksFailed: 1, cannotRun: 2 } as const;

/** What each exit code means, as `plugcheck --help` prints it. */
export const EXIT_MEANINGS: Readonly<Record<keyof typeof EXIT, string>> = {
  ok: 'every check passed, or failed exactly as plugcheck.config.json expects',
  checksFailed: 'a check failed, errored or timed out, or an expectation did not hold (an expected failure passed, or names no check)',
  cannotRun: 'plugcheck could not run: bad arguments, config or report, unreadable or invalid plugin (a PLUGCHECK_* message on stderr says why)',
};

const USAGE = `Usage: plugcheck <command> [options]

Commands:
  test <plugin.wasm>      run the conformance checks and write reports (no plugin: those plugcheck.config.json lists)
  merge <report.json...>  combine the reports of a sharded run (test --shard i/n)
  bench <plugin.wasm>     time each phase of a call against the raw floor; A/B against a baseline
  inspect <plugin.wasm>   show imports, exports, memory and the matching profile
  schema <profile> [hook] print a hook's JSON Schema (--input or --output)
  replay <repro.json>     replay the call a failing fuzz check recorded

Run \`plugcheck <command> --help\` for a command's options.

Exit codes:
${(Object.keys(EXIT) as (keyof typeof EXIT)[]).map((k) => `  ${EXIT[k]}  ${EXIT_MEANINGS[k]}`).join('\n')}`;

const COMMANDS: Readonly<Record<string, (args: readonly string[]) => Promise<number>>> = {
  test: testCommand,
  bench: benchCommand,
  inspect: inspectCommand,
  schema: schemaCommand,
  replay: replayCommand,
  merge: mergeCommand,
};

/** Runs plugcheck with `argv` (without node and the script); resolves to the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined) {
      throw new UsageError('no command given', {
        expected: `a command: ${Object.keys(COMMANDS).join(' or ')}`,
        received: 'nothing',
        fix: 'run `plugcheck test <plugin.wasm>`, or `plugcheck --help` for all commands',
      });
    }
    if (command === '--help' || command === '-h' || command === 'help') {
      process.stdout.write(`${USAGE}\n`);
      return EXIT.ok;
    }
    if (command === '--version' || command === '-v') {
      process.stdout.write(`${PLUGCHECK_VERSION}\n`);
      return EXIT.ok;
    }
    const run = COMMANDS[command];
    if (run === undefined) {
      throw new UsageError(`unknown command "${command}"`, {
        expected: Object.keys(COMMANDS).join(' or '),
        received: command,
        fix: command.endsWith('.wasm') ? `run \`plugcheck test ${command}\`` : 'run `plugcheck --help`',
      });
    }
    return await run(rest);
  } catch (thrown) {
    if (thrown instanceof PlugcheckError) {
      process.stderr.write(`${thrown.format()}\n`);
      return EXIT.cannotRun;
    }
    const error = toError(thrown);
    process.stderr.write(`PLUGCHECK_INTERNAL: ${error.message}\n  fix: this is a plugcheck bug; rerun with PLUGCHECK_DEBUG=1 and report the output\n`);
    if (process.env['PLUGCHECK_DEBUG'] === '1') process.stderr.write(`${error.stack ?? ''}\n`);
    return EXIT.cannotRun;
  }
}
