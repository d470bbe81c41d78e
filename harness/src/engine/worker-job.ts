/**
 * The messages between the main thread and a plugin worker. A job is the whole run; a restarted
 * worker gets the same job with a later `startIndex` and the statuses already known.
 */
import type { Dialect, PluginManifest, ProfileId } from '../profiles/profile.js';
import type { CheckResult, CheckStatus } from '../report/check-result.js';
import type { ModuleInfo } from '../wasm/index.js';
import type { RunOptions } from './check-context.js';

/** What a worker is asked to do. */
export interface WorkerJob {
  readonly bytes: Uint8Array<ArrayBuffer>;
  readonly module: ModuleInfo;
  readonly manifest?: PluginManifest | undefined;
  readonly profile: ProfileId;
  readonly dialect: Dialect;
  readonly checkIds: readonly string[];
  readonly startIndex: number;
  /** Statuses of checks already run (by earlier workers), for `dependsOn`. */
  readonly known: Readonly<Record<string, CheckStatus>>;
  readonly options: RunOptions;
}

/**
 * What a worker reports back: one message per check, then `done`. `pending` is evidence about the
 * call a check is about to make (a fuzz case and its replay bundle); the watchdog attaches the last
 * one to the check's result if that call never returns.
 */
export type WorkerMessage =
  | { readonly type: 'result'; readonly index: number; readonly result: CheckResult }
  | { readonly type: 'pending'; readonly index: number; readonly evidence: Readonly<Record<string, unknown>> }
  | { readonly type: 'done' };
