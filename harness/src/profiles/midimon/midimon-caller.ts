/**
 * The midimon adapter: how the real host (wasmtime 26, seed-systems §3.3–3.5) calls a plugin.
 * Every call gets a FRESH instance, so no guest state survives from one call to the next and
 * `init` never runs in the instance `execute` runs in.
 *
 * - `init()`: instantiate, call, unpack the u64 (pointer high, length low), read the bytes
 *   bounds-checked as strict UTF-8. Pointer 0 is not special, as in the host.
 * - `execute(request)`: instantiate, `alloc(len)`, write the request, `execute(ptr, len)`, read
 *   the status. The host does not check the pointer `alloc` returns: it writes at address 0 when
 *   given 0, and only a block past the end of memory stops it. The block is never freed
 *   (`dealloc` is never called).
 * - Capabilities: a plugin declaring `filesystem` gets the plugin-data directory preopened at
 *   guest `/` (in memory here, one per run, since the host's directory on disk outlives instances);
 *   any other plugin gets no directory, so a file access fails with a WASI errno in the trace.
 */
import type { Directory } from '@bjorn3/browser_wasi_shim';
import type { TrapInfo } from '../../host/classify-trap.js';
import type { GuestMemory, MemoryFault } from '../../host/guest-memory.js';
import type { HostCall } from '../../host/host-call-trace.js';
import type { CallResult, PluginInstance } from '../../host/plugin-instance.js';
import { emptyDirectory } from '../../host/wasi-sandbox.js';
import type { WasiGrants } from '../../host/wasi-sandbox.js';
import type { AllocFault } from '../bifrost/bifrost-caller.js';
import { unpackU64 } from '../bifrost/packed.js';

/** Which step of a call went wrong. */
export type MidimonStep = 'instantiate' | 'init' | 'read-metadata' | 'alloc' | 'write-request' | 'execute';

/** What the instance did besides answering: every host call it made (WASI included) and its stdout lines. */
export interface CallRecord {
  readonly hostCalls: readonly HostCall[];
  /** How many of `hostCalls` instantiation made (start function, `_initialize`); the rest came from the calls. */
  readonly startupCalls: number;
  readonly stdout: readonly string[];
}

/** A call that stopped before it produced its answer. */
export type MidimonFailure =
  | ({ readonly kind: 'trap'; readonly step: MidimonStep; readonly trap: TrapInfo } & CallRecord)
  | ({ readonly kind: 'fault'; readonly step: MidimonStep; readonly fault: MemoryFault | AllocFault } & CallRecord);

/** What `init()` produced: the metadata text, or why there is none. */
export type InitCall = ({ readonly kind: 'metadata'; readonly text: string; readonly ptr: number; readonly len: number } & CallRecord) | MidimonFailure;

/** What `execute` produced: the status code and where the request was written, or why there is none. */
export type ExecuteCall =
  | ({ readonly kind: 'status'; readonly code: number; readonly ptr: number; readonly len: number; readonly memoryBytes: number } & CallRecord)
  | MidimonFailure;

/** What `alloc(len)` produced in an instance of its own. */
export type AllocCall =
  | ({ readonly kind: 'block'; readonly ptr: number; readonly requested: number; readonly memoryBytes: number } & CallRecord)
  | MidimonFailure;

/** How an `execute` call is made. */
export interface ExecuteOptions {
  /** The capabilities the metadata declares; `filesystem` preopens the plugin-data directory. */
  readonly capabilities: readonly string[];
  /** Call `init` in the same instance first: what a host that reuses instances would do (never the real one). */
  readonly initFirst?: boolean;
  /** Names the call in a timeout report. */
  readonly label?: string;
}

/** Makes an instance with the given WASI grants (the check context's `freshInstance`). */
export type InstanceFactory = (grants: { readonly wasi: WasiGrants }) => CallResult<PluginInstance>;

/** A fresh instance, its memory, and how many host calls its instantiation made. */
interface Opened {
  readonly instance: PluginInstance;
  readonly memory: GuestMemory;
  readonly startupCalls: number;
}

const record = (instance: PluginInstance, startupCalls: number): CallRecord => ({ hostCalls: instance.trace.calls, startupCalls, stdout: instance.sandbox.stdout });

function trapped(step: MidimonStep, trap: TrapInfo, opened?: Opened): MidimonFailure {
  const calls = opened === undefined ? { hostCalls: [], startupCalls: 0, stdout: [] } : record(opened.instance, opened.startupCalls);
  return { kind: 'trap', step, trap, ...calls };
}

/** Calls a midimon plugin the way the real host does: one fresh instance per call. */
export class MidimonCaller {
  readonly #instantiate: InstanceFactory;
  /** The in-memory plugin-data directory granted to plugins that declare `filesystem`. */
  readonly dataDirectory: Directory = emptyDirectory();

  constructor(instantiate: InstanceFactory) {
    this.#instantiate = instantiate;
  }

  #fresh(capabilities: readonly string[], step: MidimonStep): Opened | MidimonFailure {
    const wasi: WasiGrants = capabilities.includes('filesystem') ? { preopens: { '/': this.dataDirectory } } : {};
    const created = this.#instantiate({ wasi });
    if (!created.ok) return trapped('instantiate', created.trap);
    const instance = created.value;
    const startupCalls = instance.trace.mark();
    if (instance.memory === undefined) {
      return { kind: 'trap', step, trap: { kind: 'other', message: 'the plugin exports no memory (see abi.memory-exported)' }, ...record(instance, startupCalls) };
    }
    return { instance, memory: instance.memory, startupCalls };
  }

  /**
   * Calls `init()` in a fresh instance and reads the metadata. No capability is granted: the host
   * takes capabilities from the metadata, which plugcheck only knows once `init` has answered.
   */
  init(): InitCall {
    const opened = this.#fresh([], 'init');
    if ('kind' in opened) return opened;
    const { instance, memory, startupCalls } = opened;
    const called = instance.call('init', [], 'init');
    if (!called.ok) return trapped('init', called.trap, opened);
    const { ptr, len } = unpackU64(called.value as bigint);
    const read = memory.readString(ptr, len);
    if (!read.ok) return { kind: 'fault', step: 'read-metadata', fault: read.fault, ...record(instance, startupCalls) };
    return { kind: 'metadata', text: read.value, ptr, len, ...record(instance, startupCalls) };
  }

  /** Calls `alloc(len)` in a fresh instance, as the host does before writing a request of `len` bytes. */
  allocate(len: number): AllocCall {
    const opened = this.#fresh([], 'alloc');
    if ('kind' in opened) return opened;
    const { instance, memory, startupCalls } = opened;
    const called = instance.call('alloc', [len], `alloc(${len})`);
    if (!called.ok) return trapped('alloc', called.trap, opened);
    return { kind: 'block', ptr: (called.value as number) >>> 0, requested: len, memoryBytes: memory.byteLength, ...record(instance, startupCalls) };
  }

  /** Runs one `execute` call over a request JSON text (or exact bytes, for hostile input) in a fresh instance. */
  execute(request: string | Uint8Array, options: ExecuteOptions): ExecuteCall {
    const label = options.label ?? 'execute';
    const opened = this.#fresh(options.capabilities, 'execute');
    if ('kind' in opened) return opened;
    const { instance, memory, startupCalls } = opened;
    if (options.initFirst === true) {
      const ran = instance.call('init', [], `init before ${label}`);
      if (!ran.ok) return trapped('init', ran.trap, opened);
    }
    const len = typeof request === 'string' ? Buffer.byteLength(request, 'utf8') : request.byteLength;
    const allocated = instance.call('alloc', [len], `alloc for ${label}`);
    if (!allocated.ok) return trapped('alloc', allocated.trap, opened);
    const ptr = (allocated.value as number) >>> 0;
    // No check for 0, as in the host: only a block past the end of memory stops the write.
    if (typeof request === 'string' ? memory.writeString(ptr, request, len) < 0 : !memory.write(ptr, request)) {
      const fault = { kind: 'block-out-of-bounds', requested: len, ptr, memoryBytes: memory.byteLength } as const;
      return { kind: 'fault', step: 'write-request', fault, ...record(instance, startupCalls) };
    }
    const memoryBytes = memory.byteLength;
    const called = instance.call('execute', [ptr, len], label);
    if (!called.ok) return trapped('execute', called.trap, opened);
    return { kind: 'status', code: called.value as number, ptr, len, memoryBytes, ...record(instance, startupCalls) };
  }
}
