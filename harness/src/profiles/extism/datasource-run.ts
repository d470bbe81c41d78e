/**
 * How the PlusEV terminal drives a data-source plugin (seed 004 §Plugin Flow), as steps the checks
 * share. Each step runs once per worker, on first use, so a check run alone (`--only`) performs the
 * steps it needs and gets the same answers:
 *
 * 1. metadata: `plugin_info` and/or `meta` on an instance whose imports are all stubbed, as the
 *    real host extracts metadata (seed 004 §4); it yields the declared network targets;
 * 2. configure: `plugin_configure` (or `init`) with a credentials map, on the shared instance;
 * 3. commands: `start_stream` then `stop_stream` with a stream key (or `handle_command` with a
 *    command), on the same instance, through the scripted WebSocket;
 * 4. fresh: on a new instance, `stop_stream` before any start (it may answer "not found") and the
 *    configure export with input that is not a config, which it must refuse.
 */
import type { CheckContext } from '../../engine/check-context.js';
import type { TrapInfo } from '../../host/classify-trap.js';
import { HostCallTrace } from '../../host/host-call-trace.js';
import type { HostCall } from '../../host/host-call-trace.js';
import { WASI_PREVIEW1 } from '../wasi-preview1.js';
import { CONFIG, INVALID_CONFIG, streamKey, UNKNOWN_COMMAND } from './datasource-fixtures.js';
import type { StreamKey } from './datasource-fixtures.js';
import { DatasourceHost } from './datasource-host.js';
import type { HostFinding } from './datasource-host.js';
import { extismInstance, loadExtism } from './extism-instance.js';
import type { ExtismCall, ExtismSession } from './extism-session.js';
import { stringsOf } from './json-shape.js';
import { EXTISM_KERNEL } from './kernel-imports.js';
import { networkAllowList } from './network-allow-list.js';
import { declaredTargets } from './network-targets.js';
import { listStubs, stubFunctions } from './stub-functions.js';
import type { StubbedImport } from './stub-functions.js';

/** One call of the run, with what the plugin asked of the host meanwhile. */
export interface DatasourceCall {
  readonly call: ExtismCall;
  /** Why the host made it, e.g. `the seed's stream key` or `on a fresh instance`. */
  readonly purpose: string;
  readonly hostCalls: readonly HostCall[];
  readonly findings: readonly HostFinding[];
}

/** A step's calls, or why they could not be made. */
export type StepResult = { readonly ok: true; readonly calls: readonly DatasourceCall[] } | { readonly ok: false; readonly trap: TrapInfo };

/** The metadata step: its calls and what the metadata declares. */
export type MetadataStep =
  | {
      readonly ok: true;
      readonly calls: readonly DatasourceCall[];
      readonly stubbed: readonly StubbedImport[];
      readonly networkTargets: readonly string[];
      readonly streamTypes: readonly string[];
      readonly name: string;
    }
  | { readonly ok: false; readonly trap: TrapInfo; readonly stubbed: readonly StubbedImport[] };

/** The exports the real host uses for metadata, in the order it tries them. */
export const METADATA_EXPORTS = ['plugin_info', 'meta'] as const;
const METADATA_CALLS: readonly string[] = ['log_record', 'time_now'];

const exported = (ctx: CheckContext, name: string) => ctx.module.exports.some((e) => e.name === name && e.kind === 'function');
const isCurrent = (ctx: CheckContext) => ctx.dialect['generation'] === 'current';
const isStubbed = (entry: { module: string }) => entry.module !== EXTISM_KERNEL && entry.module !== WASI_PREVIEW1;

/** The export that takes the config in the plugin's generation. */
export function configureExport(ctx: CheckContext): string {
  return isCurrent(ctx) ? 'init' : 'plugin_configure';
}

/** The output of a call as a JSON object, when it is one. */
export function outputObject(call: ExtismCall): Record<string, unknown> | undefined {
  if (call.kind !== 'returned' || call.output?.text == null) return undefined;
  try {
    const value: unknown = JSON.parse(call.output.text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

async function callWith(session: ExtismSession, host: DatasourceHost, name: string, input: string, purpose: string): Promise<DatasourceCall> {
  host.setDuring(name);
  const mark = host.trace.mark();
  const findingsBefore = host.findings.length;
  const call = await session.call(name, input, `${name} (${purpose})`);
  return { call, purpose, hostCalls: host.trace.since(mark), findings: host.findings.slice(findingsBefore) };
}

/** Step 1: the metadata exports on a fully stubbed instance. */
export function metadataStep(ctx: CheckContext): Promise<MetadataStep> {
  return ctx.shared('datasource-metadata', async (): Promise<MetadataStep> => {
    const trace = new HostCallTrace();
    const stubbed = listStubs(ctx.module, isStubbed);
    const load = await loadExtism(ctx, stubFunctions(ctx.module, isStubbed, trace));
    if (!load.ok) return { ok: false, trap: load.trap, stubbed };
    const calls: DatasourceCall[] = [];
    for (const name of METADATA_EXPORTS.filter((n) => exported(ctx, n))) {
      const mark = trace.mark();
      const call = await load.session.call(name, '', `${name} (metadata, imports stubbed)`);
      const hostCalls = trace.since(mark);
      const findings = hostCalls
        .map((h, i): HostFinding | undefined =>
          METADATA_CALLS.some((fn) => h.import.endsWith(`.${fn}`))
            ? undefined
            : {
                call: mark + i,
                during: name,
                import: h.import,
                kind: 'unexpected',
                problem: `\`${name}\` called \`${h.import}\` during the metadata call; the real host answers it with a dummy that returns 0 (seed 004 §4)`,
              },
        )
        .filter((f): f is HostFinding => f !== undefined);
      calls.push({ call, purpose: 'metadata, every import stubbed', hostCalls, findings });
    }
    await load.session.close();
    const documents = calls.map((c) => outputObject(c.call)).filter((d): d is Record<string, unknown> => d !== undefined);
    return {
      ok: true,
      calls,
      stubbed,
      networkTargets: [...new Set(documents.flatMap(declaredTargets))],
      streamTypes: [...new Set(documents.flatMap((d) => stringsOf(d['streamTypes'])))],
      name: documents.map((d) => d['name']).find((n): n is string => typeof n === 'string') ?? 'plugcheck',
    };
  });
}

/** The stream key the run uses, built from the plugin's metadata. */
export async function runStreamKey(ctx: CheckContext): Promise<StreamKey> {
  const metadata = await metadataStep(ctx);
  return metadata.ok ? streamKey(metadata.name, metadata.streamTypes) : streamKey('plugcheck', []);
}

async function networkTargets(ctx: CheckContext): Promise<readonly string[]> {
  const metadata = await metadataStep(ctx);
  return metadata.ok ? metadata.networkTargets : [];
}

/** Step 2: the configure export with the credentials map, on the shared instance. */
export function configureStep(ctx: CheckContext): Promise<StepResult> {
  return ctx.shared('datasource-configure', async (): Promise<StepResult> => {
    const targets = await networkTargets(ctx);
    const instance = await extismInstance(ctx);
    if (!instance.ok || instance.host === undefined) return { ok: false, trap: instance.ok ? noHost() : instance.trap };
    instance.host.setNetworkTargets(targets);
    const name = configureExport(ctx);
    if (!exported(ctx, name)) return { ok: true, calls: [] };
    return { ok: true, calls: [await callWith(instance.session, instance.host, name, JSON.stringify(CONFIG), 'a credentials map')] };
  });
}

/** Step 3: the plugin's commands on the configured instance. */
export function commandsStep(ctx: CheckContext): Promise<StepResult> {
  return ctx.shared('datasource-commands', async (): Promise<StepResult> => {
    const configured = await configureStep(ctx);
    const instance = await extismInstance(ctx);
    if (!configured.ok || !instance.ok || instance.host === undefined) return configured.ok ? { ok: false, trap: noHost() } : configured;
    const { session, host } = instance;
    if (isCurrent(ctx)) {
      if (!exported(ctx, 'handle_command')) return { ok: true, calls: [] };
      return { ok: true, calls: [await callWith(session, host, 'handle_command', JSON.stringify(UNKNOWN_COMMAND), 'a command it does not register')] };
    }
    const key = JSON.stringify(await runStreamKey(ctx));
    const calls: DatasourceCall[] = [];
    if (exported(ctx, 'start_stream')) calls.push(await callWith(session, host, 'start_stream', key, 'the stream key'));
    if (exported(ctx, 'stop_stream')) calls.push(await callWith(session, host, 'stop_stream', key, 'the stream it started'));
    return { ok: true, calls };
  });
}

/** Step 4: a fresh instance: stop before start, then input that is no config. */
export function freshStep(ctx: CheckContext): Promise<StepResult & { readonly host?: DatasourceHost }> {
  return ctx.shared('datasource-fresh', async () => {
    const host = new DatasourceHost({ networkTargets: await networkTargets(ctx), allowedHosts: networkAllowList(ctx).hosts });
    const load = await loadExtism(ctx, host.functions());
    if (!load.ok) return { ok: false as const, trap: load.trap };
    const calls: DatasourceCall[] = [];
    if (!isCurrent(ctx) && exported(ctx, 'stop_stream')) {
      calls.push(await callWith(load.session, host, 'stop_stream', JSON.stringify(await runStreamKey(ctx)), 'on a fresh instance, nothing started'));
    }
    const configure = configureExport(ctx);
    if (exported(ctx, configure)) calls.push(await callWith(load.session, host, configure, INVALID_CONFIG, 'input that is not JSON'));
    await load.session.close();
    return { ok: true as const, calls, host };
  });
}

/** Every step of the run, each made once per worker: what the rules over all calls judge. */
export async function wholeRun(ctx: CheckContext): Promise<{
  readonly metadata: MetadataStep;
  readonly configure: StepResult;
  readonly commands: StepResult;
  readonly fresh: Awaited<ReturnType<typeof freshStep>>;
}> {
  return { metadata: await metadataStep(ctx), configure: await configureStep(ctx), commands: await commandsStep(ctx), fresh: await freshStep(ctx) };
}

function noHost(): TrapInfo {
  return { kind: 'other', message: 'the data-source steps ran under a profile without the data-source host' };
}
