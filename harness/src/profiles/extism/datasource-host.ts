/**
 * The scripted data-source host: the PlusEV terminal's host functions answered from fixtures, under
 * both `env` and `extism:host/user`. HTTP requests get canned responses, WebSockets are simulated
 * (each connection sends the scripted messages, then `ws_receive` times out), publishes are
 * recorded. Every call is traced with its payload and answer.
 *
 * Strict by default: a call outside what the export being run needs, a request outside the network
 * targets the plugin declared, or a WebSocket call on a connection the host never opened is an
 * `unexpected` finding (and is refused); a payload that is not the documented JSON is `malformed`.
 * A receive loop that keeps polling after the script ended is stopped with a host-function error,
 * because the real host blocks `timeoutMs` per poll and such a loop never returns.
 */
import type { CallContext } from '@extism/extism';
import { HostFunctionError } from '../../host/classify-trap.js';
import { HostCallTrace } from '../../host/host-call-trace.js';
import { describeViolation } from '../../schema/schema-violation.js';
import type { SchemaViolation } from '../../schema/schema-violation.js';
import { schemaRegistry } from '../../schema/schema-registry.js';
import { requireHookSchema } from '../../schema/validated-hook-call.js';
import { HOST_TIME, HTTP_DEFAULT, HTTP_FIXTURES, PAYLOAD_SHAPES, WS_IDLE_POLL_LIMIT, WS_SCRIPT } from './datasource-fixtures.js';
import { DATASOURCE_FUNCTIONS, DATASOURCE_NAMESPACES } from './datasource-profile.js';
import type { DatasourceFunction } from './datasource-profile.js';
import type { ExtismFunctions, ExtismHostFunction } from './extism-session.js';
import { readShaped } from './json-shape.js';
import { hostAllowed, hostOf } from './network-allow-list.js';
import { withinTargets } from './network-targets.js';

/** Something a host call did that the contract does not allow. */
export interface HostFinding {
  /** Index of the call in the host's trace. */
  readonly call: number;
  /** The export that was running (or `instantiation`). */
  readonly during: string;
  readonly import: string;
  readonly kind: 'unexpected' | 'malformed' | 'schema' | 'network';
  readonly problem: string;
  /** For `network` findings: the URL the host refused, its host not being on the allow-list. */
  readonly denied?: string;
  /** For `schema` findings: the namespace the plugin imported the function from (its dialect). */
  readonly dialect?: string;
  /** For `schema` findings: the schema file under `schemas/` the payload broke. */
  readonly schema?: string;
  /** For `schema` findings: where the payload breaks the schema. */
  readonly violations?: readonly SchemaViolation[];
}

interface Connection {
  readonly url: string;
  open: boolean;
  next: number;
  idlePolls: number;
  readonly sent: string[];
}

type Note = (kind: HostFinding['kind'], problem: string) => void;

const TRACE_TEXT = 512;
const clip = (text: string) => (text.length > TRACE_TEXT ? `${text.slice(0, TRACE_TEXT)}… (${text.length} chars)` : text);
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

// What each export may call; an export not listed (start_stream) may call every function.
const NEEDS: Readonly<Record<string, readonly DatasourceFunction[]>> = {
  instantiation: ['log_record', 'time_now'],
  plugin_configure: ['log_record', 'time_now', 'http_request'],
  init: ['log_record', 'time_now', 'http_request'],
  stop_stream: ['log_record', 'time_now', 'http_request', 'ws_send', 'ws_close'],
  handle_command: ['log_record', 'time_now', 'http_request'],
};

/** Options of a {@link DatasourceHost}. */
export interface DatasourceHostOptions {
  /** Report and refuse unexpected calls (the default); when false they are answered like any other. */
  readonly strict?: boolean;
  /** The network targets the plugin declared in its metadata. */
  readonly networkTargets?: readonly string[];
  /** Hosts the operator allows (profiles/extism/network-allow-list.ts); a request elsewhere is denied. Every host when absent. */
  readonly allowedHosts?: readonly string[];
}

/** One host for one plugin instance. */
export class DatasourceHost {
  readonly trace = new HostCallTrace();
  readonly findings: HostFinding[] = [];
  readonly published: unknown[] = [];
  readonly connections = new Map<string, Connection>();
  readonly #strict: boolean;
  #targets: readonly string[];
  readonly #allowedHosts: readonly string[] | undefined;
  #during = 'instantiation';

  constructor(options: DatasourceHostOptions = {}) {
    this.#strict = options.strict ?? true;
    this.#targets = options.networkTargets ?? [];
    this.#allowedHosts = options.allowedHosts;
    // Compiling every schema takes most of a second: done here, before any guest call is timed,
    // not inside the first host call, where it would count against the plugin's time limit.
    schemaRegistry();
  }

  /** Sets the network targets (known once the metadata call has run). */
  setNetworkTargets(targets: readonly string[]): void {
    this.#targets = targets;
  }

  /** Marks the export about to run, which decides what it may call. */
  setDuring(exportName: string): void {
    this.#during = exportName;
  }

  /** Ids of the connections still open. */
  openConnections(): string[] {
    return [...this.connections].filter(([, c]) => c.open).map(([id]) => id);
  }

  /** The host functions, under every namespace a data-source host registers them in. */
  functions(): ExtismFunctions {
    const table: Record<string, Record<string, ExtismHostFunction>> = {};
    for (const namespace of DATASOURCE_NAMESPACES) {
      const fns: Record<string, ExtismHostFunction> = {};
      for (const fn of DATASOURCE_FUNCTIONS) fns[fn] = (context, offset) => this.#handle(fn, namespace, context, BigInt(offset ?? 0));
      table[namespace] = fns;
    }
    return table;
  }

  #handle(fn: DatasourceFunction, namespace: string, context: CallContext, offset: bigint): bigint {
    const qualified = `${namespace}.${fn}`;
    const index = this.trace.total;
    const note: Note = (kind, problem) => {
      if (kind === 'malformed' || this.#strict) this.findings.push({ call: index, during: this.#during, import: qualified, kind, problem });
    };
    if (!(NEEDS[this.#during] ?? DATASOURCE_FUNCTIONS).includes(fn)) {
      note('unexpected', `\`${this.#during}\` called \`${fn}\`, which it has no reason to call (it may call ${(NEEDS[this.#during] ?? []).join(', ')})`);
    }
    let request = '';
    let answer: unknown;
    let runaway: string | undefined;
    if (fn === 'time_now') {
      answer = HOST_TIME;
    } else {
      const payload = readPayload(context, offset);
      request = payload.ok ? payload.text : '';
      const shaped = payload.ok ? readShaped(payload.text, PAYLOAD_SHAPES[fn]) : { ok: false as const, problems: [payload.problem] };
      if (!shaped.ok) {
        note('malformed', `the ${fn} payload ${shaped.problems.join('; ')}`);
        answer = refusal(fn, `malformed request: ${shaped.problems.join('; ')}`);
      } else {
        this.#validate(fn, namespace, shaped.value, index);
        const outcome = this.#answer(fn, shaped.value, note, (url) => this.#deny(fn, qualified, index, url));
        answer = outcome.answer;
        runaway = outcome.runaway;
      }
    }
    const text = JSON.stringify(answer);
    this.trace.record({ import: qualified, args: [clip(request)], result: clip(text) });
    if (runaway !== undefined) throw new HostFunctionError(qualified, runaway);
    return context.store(text);
  }

  // The field table above decides whether the host can act on a payload at all; the schema says
  // whether it is the documented one (enums, formats), so a schema finding never refuses the call.
  #validate(fn: DatasourceFunction, namespace: string, payload: unknown, index: number): void {
    const schema = requireHookSchema('extism-datasource', fn, 'input');
    const verdict = schema.check(payload);
    if (verdict.ok) return;
    this.findings.push({
      call: index,
      during: this.#during,
      import: `${namespace}.${fn}`,
      kind: 'schema',
      problem: `the ${fn} request does not fit schemas/${schema.file}: ${verdict.violations.map(describeViolation).join('; ')}`,
      dialect: namespace,
      schema: schema.file,
      violations: verdict.violations,
    });
  }

  /** Denies a request to a host off the allow-list (whatever the plugin declared): the refusal's text, or undefined when allowed. */
  #deny(fn: DatasourceFunction, qualified: string, index: number, url: string): string | undefined {
    if (this.#allowedHosts === undefined || hostAllowed(url, this.#allowedHosts)) return undefined;
    const problem = `${hostOf(url) ?? url} is not on the network allow-list (${this.#allowedHosts.join(', ') || 'empty'})`;
    this.findings.push({ call: index, during: this.#during, import: qualified, kind: 'network', problem, denied: url });
    return fn === 'http_request' || fn === 'ws_connect' ? problem : undefined;
  }

  #answer(fn: DatasourceFunction, payload: Readonly<Record<string, unknown>>, note: Note, deny: (url: string) => string | undefined): { answer: unknown; runaway?: string } {
    switch (fn) {
      case 'http_request': {
        // Judged against the declared targets too, so both findings are made whichever refuses it.
        const answer = this.#http(String(payload['url']), note);
        const denied = deny(String(payload['url']));
        return { answer: denied === undefined ? answer : refusal(fn, `denied: ${denied}`) };
      }
      case 'ws_connect': {
        const denied = deny(String(payload['url']));
        if (denied === undefined) return { answer: this.#connect(String(payload['url']), note) };
        this.#outside(String(payload['url']), note);
        return { answer: refusal(fn, `denied: ${denied}`) };
      }
      case 'ws_send':
      case 'ws_receive':
      case 'ws_close':
        return this.#onConnection(fn, payload, note);
      case 'publish_stream_data':
        this.published.push(payload);
        return { answer: { success: true } };
      case 'log_record':
      case 'time_now':
        return { answer: { success: true } };
    }
  }

  #outside(url: string, note: Note): string | undefined {
    if (withinTargets(url, this.#targets)) return undefined;
    const problem = `${url} is outside the network targets the plugin declares (${this.#targets.join(', ') || 'none'})`;
    note('unexpected', problem);
    return this.#strict ? problem : undefined;
  }

  #http(url: string, note: Note): unknown {
    const blocked = this.#outside(url, note);
    if (blocked !== undefined) return { status: 0, headers: {}, body: '', error: `blocked: ${blocked}` };
    return HTTP_FIXTURES.find((f) => url.startsWith(f.urlPrefix))?.response ?? HTTP_DEFAULT;
  }

  #connect(url: string, note: Note): unknown {
    const blocked = this.#outside(url, note);
    if (blocked !== undefined) return { success: false, error: `blocked: ${blocked}` };
    const id = `conn-${this.connections.size + 1}`;
    this.connections.set(id, { url, open: true, next: 0, idlePolls: 0, sent: [] });
    return { success: true, connectionId: id };
  }

  #onConnection(fn: 'ws_send' | 'ws_receive' | 'ws_close', payload: Readonly<Record<string, unknown>>, note: Note): { answer: unknown; runaway?: string } {
    const id = String(payload['connectionId']);
    const connection = this.connections.get(id);
    if (connection === undefined || !connection.open) {
      const why = connection === undefined ? 'ws_connect never returned' : 'is already closed';
      note('unexpected', `\`${fn}\` on connection "${id}", which ${why}`);
      return { answer: { success: false, error: `unknown connection ${id}` } };
    }
    if (fn === 'ws_close') {
      connection.open = false;
      return { answer: { success: true } };
    }
    if (fn === 'ws_send') {
      connection.sent.push(String(payload['message']));
      return { answer: { success: true } };
    }
    const message = WS_SCRIPT[connection.next];
    if (message !== undefined) {
      connection.next++;
      connection.idlePolls = 0;
      return { answer: { success: true, message, timeout: false } };
    }
    connection.idlePolls++;
    const answer = { success: true, message: '', timeout: true };
    if (connection.idlePolls < WS_IDLE_POLL_LIMIT) return { answer };
    return {
      answer,
      runaway:
        `\`${this.#during}\` polled ws_receive ${connection.idlePolls} times after the scripted messages ran out; the real host blocks ` +
        'timeoutMs per poll, so this loop would never return: return from the export and keep streaming outside it',
    };
  }
}

function readPayload(context: CallContext, offset: bigint): { ok: true; text: string } | { ok: false; problem: string } {
  const block = context.read(offset);
  if (block === null) return { ok: false, problem: `is at offset 0x${offset.toString(16)}, which is no kernel block (pass the offset alloc returned)` };
  try {
    return { ok: true, text: strictUtf8.decode(block.bytes()) };
  } catch {
    return { ok: false, problem: 'is not valid UTF-8' };
  }
}

function refusal(fn: DatasourceFunction, error: string): unknown {
  return fn === 'http_request' ? { status: 0, headers: {}, body: '', error } : { success: false, error };
}
