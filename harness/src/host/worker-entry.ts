/**
 * The plugin worker's entry point: it builds the check context from the job and runs the check
 * loop next to the plugin, posting each result as it is produced.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { CheckContext } from '../engine/check-context.js';
import { runChecks } from '../engine/run-checks.js';
import type { WorkerJob, WorkerMessage } from '../engine/worker-job.js';
import { getProfile } from '../profiles/registry.js';
import { Heartbeat } from './heartbeat.js';

const { job, heartbeat: buffer } = workerData as { job: WorkerJob; heartbeat: SharedArrayBuffer };
const port = parentPort;
if (port === null) throw new Error('worker-entry must run in a worker thread');
const post = (message: WorkerMessage) => port.postMessage(message);
const heartbeat = new Heartbeat(buffer);

const ctx = new CheckContext({
  bytes: job.bytes,
  module: job.module,
  manifest: job.manifest,
  profile: getProfile(job.profile),
  dialect: job.dialect,
  options: job.options,
  heartbeat,
  notePending: (evidence) => post({ type: 'pending', index: heartbeat.read().checkIndex, evidence }),
});
await runChecks(ctx, job.checkIds, job.startIndex, job.known, (index, result) => post({ type: 'result', index, result }));
post({ type: 'done' });
