/**
 * Strict option parsing on top of `node:util` parseArgs: an unknown flag or a bad value is a
 * coded usage error that names the flag and lists the accepted ones.
 */
import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import { UsageError } from '../errors.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Parsed values and positionals. */
export interface Parsed {
  readonly values: Readonly<Record<string, string | boolean | undefined>>;
  readonly positionals: readonly string[];
}

/** Parses `args` for `command`; unknown options are usage errors. */
export function parseOptions(command: string, args: readonly string[], options: Options): Parsed {
  try {
    const { values, positionals } = parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
    return { values: values as Record<string, string | boolean | undefined>, positionals };
  } catch (thrown) {
    const known = Object.keys(options).map((o) => `--${o}`).join(', ');
    throw new UsageError(`plugcheck ${command}: ${(thrown as Error).message.replace(/\. To specify.*$/s, '')}`, {
      expected: `options: ${known}`,
      received: args.join(' '),
      fix: `run \`plugcheck ${command} --help\``,
    });
  }
}

/** Reads a whole-number option in `[min, max]`, or `undefined` when absent. */
export function intOption(name: string, value: string | boolean | undefined, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined {
  if (value === undefined) return undefined;
  const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    throw new UsageError(`--${name} takes a whole number of at least ${min}${max < Number.MAX_SAFE_INTEGER ? ` and at most ${max}` : ''}`, {
      expected: `a whole number from ${min} to ${max}`,
      received: String(value),
      fix: `pass --${name} <number>`,
    });
  }
  return n;
}

/** Splits a comma-separated list option. */
export function listOption(value: string | boolean | undefined): string[] {
  return typeof value === 'string' ? value.split(',').map((s) => s.trim()).filter((s) => s.length > 0) : [];
}

/** Exactly one positional: the plugin path. */
export function onePlugin(command: string, positionals: readonly string[]): string {
  const [first, ...rest] = positionals;
  if (first === undefined || rest.length > 0) {
    throw new UsageError(`plugcheck ${command} takes exactly one plugin`, {
      expected: `plugcheck ${command} <plugin.wasm>`,
      received: positionals.length === 0 ? 'no plugin path' : positionals.join(' '),
      fix: `run plugcheck ${command} once per plugin`,
    });
  }
  return first;
}
