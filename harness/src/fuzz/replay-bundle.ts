/**
 * Replay bundles (`repro.json`, schemas/replay-bundle.schema.json): everything needed to repeat one
 * failing call exactly — the plugin by sha256, profile, dialect, limits, seed, check, the calls made
 * before it and its inputs. A bundle is read back and validated before anything runs.
 */
import { readFile } from 'node:fs/promises';
import { PlugcheckError } from '../errors.js';
import { SCHEMA_BASE_URI } from '../schema/schema-files.js';
import { schemaRegistry } from '../schema/schema-registry.js';

/** One input as a bundle keeps it: a JSON value, UTF-8 text (`""` is `(0, 0)`), or bytes that are not UTF-8. */
export type BundleInput = { readonly json: unknown } | { readonly text: string } | { readonly base64: string };

/** A call made on the same instance before the replayed one. */
export interface PriorCall {
  readonly export: string;
  readonly inputs: readonly BundleInput[];
}

/** The replayed call. */
export interface ReplayCall {
  readonly export: string;
  readonly lifecycle?: 'fresh' | 'reused';
  readonly before?: readonly PriorCall[];
  readonly inputs: readonly BundleInput[];
  /** `end-of-memory`: the host wrote each input to end at the last byte of memory instead of allocating it. */
  readonly placement?: 'end-of-memory';
}

/** A replay bundle, as the schema describes it. */
export interface ReplayBundle {
  readonly bundleVersion: 1;
  readonly tool?: { readonly name: 'plugcheck'; readonly version: string };
  readonly plugin: { readonly path?: string; readonly sha256: string; readonly bytes?: number };
  readonly profile: string;
  readonly dialect: Readonly<Record<string, string>>;
  readonly limits: { readonly callTimeoutMs: number; readonly instantiateTimeoutMs: number };
  readonly seed: number;
  readonly check: string;
  readonly call: ReplayCall;
  readonly shrinkPath?: string;
  readonly runs?: number;
  readonly observed?: { readonly status: 'failed' | 'timed-out'; readonly message: string; readonly evidence?: Record<string, unknown> };
}

/** The `$id` of the bundle schema. */
export const REPLAY_BUNDLE_SCHEMA_ID = `${SCHEMA_BASE_URI}replay-bundle.schema.json`;

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The bundle form of one input sent as text or bytes: text when it is UTF-8, base64 otherwise. */
export function bundleInput(input: string | Uint8Array): BundleInput {
  if (typeof input === 'string') return { text: input };
  try {
    return { text: utf8.decode(input) };
  } catch {
    return { base64: Buffer.from(input).toString('base64') };
  }
}

/** What to send for a bundled input: the text, or the exact bytes. */
export function inputPayload(input: BundleInput): string | Uint8Array {
  if ('json' in input) return JSON.stringify(input.json);
  if ('text' in input) return input.text;
  return new Uint8Array(Buffer.from(input.base64, 'base64'));
}

/** Checks a parsed document against the bundle schema; a PLUGCHECK_BAD_REPLAY error says what is wrong. */
export function validateReplayBundle(document: unknown, source: string): ReplayBundle {
  const validate = schemaRegistry().validator(REPLAY_BUNDLE_SCHEMA_ID);
  if (validate === undefined) throw new Error(`no schema ${REPLAY_BUNDLE_SCHEMA_ID}`);
  if (validate(document)) return document as ReplayBundle;
  const why = (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`).join('; ');
  throw new PlugcheckError('PLUGCHECK_BAD_REPLAY', `${source} is not a replay bundle: ${why}`, {
    expected: 'a document valid against schemas/replay-bundle.schema.json',
    received: why,
    fix: 'use a repro.json written by `plugcheck test`, or fix the fields named above',
  });
}

/** Reads and validates a bundle file. */
export async function readReplayBundle(path: string): Promise<ReplayBundle> {
  let document: unknown;
  try {
    document = JSON.parse(await readFile(path, 'utf8'));
  } catch (thrown) {
    throw new PlugcheckError('PLUGCHECK_BAD_REPLAY', `cannot read ${path}: ${(thrown as Error).message}`, {
      expected: 'a readable JSON file',
      received: (thrown as Error).message,
      fix: 'pass the path of a repro.json written by `plugcheck test`',
      cause: thrown,
    });
  }
  return validateReplayBundle(document, path);
}
