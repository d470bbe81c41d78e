/**
 * Expectations files (`<plugin>.expect.json`): what a bundled plugin must do under plugcheck.
 * Every check listed must end with exactly that status; every check not listed must pass. An
 * entry naming a check that does not exist is an error, so expectations cannot go stale quietly.
 */
import { readFile } from 'node:fs/promises';
import { CHECKS } from '../checks/index.js';
import { ConfigError } from '../errors.js';
import { CHECK_STATUSES } from '../report/check-result.js';
import type { CheckStatus } from '../report/check-result.js';

/** A parsed expectations file. */
export interface Expectations {
  readonly plugin: string;
  readonly description: string;
  readonly profile: string;
  readonly dialect: Readonly<Record<string, string>>;
  readonly checks: Readonly<Record<string, CheckStatus>>;
}

function bad(path: string, what: string, received: unknown, expected: string): ConfigError {
  return new ConfigError('PLUGCHECK_BAD_EXPECTATIONS', `${path}: ${what}`, {
    expected,
    received: JSON.stringify(received),
    fix: 'correct the expectations file; see plugins-under-test/README.md for its format',
  });
}

const isStringRecord = (v: unknown): v is Record<string, string> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every((x) => typeof x === 'string');

/** Reads and validates an expectations file. */
export async function loadExpectations(path: string): Promise<Expectations> {
  let doc: unknown;
  try {
    doc = JSON.parse(await readFile(path, 'utf8'));
  } catch (thrown) {
    throw new ConfigError('PLUGCHECK_BAD_EXPECTATIONS', `${path}: cannot read as JSON`, { cause: thrown, fix: 'make it a JSON object' });
  }
  if (typeof doc !== 'object' || doc === null) throw bad(path, 'not an object', doc, 'a JSON object');
  const d = doc as Record<string, unknown>;
  for (const key of ['plugin', 'description', 'profile'] as const) {
    if (typeof d[key] !== 'string') throw bad(path, `"${key}" must be a string`, d[key], 'a string');
  }
  if (!isStringRecord(d['dialect'])) throw bad(path, '"dialect" must map axes to variants', d['dialect'], '{ "allocator": "malloc", … }');
  if (!isStringRecord(d['checks'])) throw bad(path, '"checks" must map check ids to statuses', d['checks'], '{ "abi.compiles": "failed" }');
  for (const [id, status] of Object.entries(d['checks'])) {
    if (!CHECKS.some((c) => c.id === id)) throw bad(path, `"checks" names no existing check "${id}"`, id, CHECKS.map((c) => c.id).join(', '));
    if (!(CHECK_STATUSES as readonly string[]).includes(status)) throw bad(path, `status of ${id} is not a status`, status, CHECK_STATUSES.join(', '));
  }
  return d as unknown as Expectations;
}

/** The status a check is expected to end with. */
export function expectedStatus(expectations: Expectations, check: string): CheckStatus {
  return expectations.checks[check] ?? 'passed';
}
