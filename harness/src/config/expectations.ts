/**
 * Expectations files (`<plugin>.expect.json`): what a bundled plugin must do under plugcheck.
 * Every check listed must end with exactly that status; every check not listed must pass. An
 * entry naming a check that does not exist is an error, so expectations cannot go stale quietly.
 */
import { readFile } from 'node:fs/promises';
import { CHECKS } from '../checks/index.js';
import { ConfigError } from '../errors.js';
import { SCHEMA_BASE_URI } from '../schema/schema-files.js';
import type { CheckStatus } from '../report/check-result.js';
import { unknownCheckIds, validateDocument } from './validate-document.js';

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
    fix: 'correct the expectations file; its format is schemas/expectations.schema.json',
  });
}

/** The `$id` of the expectations file format. */
export const EXPECTATIONS_SCHEMA_ID = `${SCHEMA_BASE_URI}expectations.schema.json`;

/** Reads and validates an expectations file against schemas/expectations.schema.json, then checks every id names a check. */
export async function loadExpectations(path: string): Promise<Expectations> {
  let doc: unknown;
  try {
    doc = JSON.parse(await readFile(path, 'utf8'));
  } catch (thrown) {
    throw new ConfigError('PLUGCHECK_BAD_EXPECTATIONS', `${path}: cannot read as JSON`, { cause: thrown, fix: 'make it a JSON object' });
  }
  validateDocument(doc, EXPECTATIONS_SCHEMA_ID, path, 'PLUGCHECK_BAD_EXPECTATIONS', 'correct the expectations file; its format is schemas/expectations.schema.json');
  const d = doc as Expectations;
  const [stale] = unknownCheckIds(Object.keys(d.checks));
  if (stale !== undefined) throw bad(path, `"checks" names no existing check "${stale}"`, stale, CHECKS.map((c) => c.id).join(', '));
  return d;
}

/** The status a check is expected to end with. */
export function expectedStatus(expectations: Expectations, check: string): CheckStatus {
  return expectations.checks[check] ?? 'passed';
}
