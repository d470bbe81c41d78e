/**
 * The Bifrost adapter: how the reference host calls a Bifrost plugin (seeds 000 and 001,
 * spec-decisions "bifrost"). It allocates each input with the plugin's allocator, writes it,
 * calls the export, unpacks the u64 result (pointer high, length low), reads the output as strict
 * UTF-8, and frees the input and output blocks with the plugin's `free`, passing the size when
 * `free` takes two parameters. Packed 0 means "no data". Empty input is passed as `(0, 0)`.
 */
import type { TrapInfo } from '../../host/classify-trap.js';
import type { MemoryFault } from '../../host/guest-memory.js';
import type { PluginInstance } from '../../host/plugin-instance.js';
import type { AllocationObserver } from '../../memory/allocation-observer.js';
import type { Dialect } from '../profile.js';
import { allocatorExportNames } from './bifrost-abi.js';
import { unpackU64 } from './packed.js';

type GuestFn = (...args: (number | bigint)[]) => unknown;

const encoder = new TextEncoder();
/** Inputs up to this many bytes (worst case) are encoded in a buffer the caller reuses. */
const MAX_SCRATCH_BYTES = 1 << 20;

/** Which step of a call went wrong. */
export type CallStep = 'malloc' | 'write-input' | 'call' | 'read-output' | 'free';

/** What a Bifrost call produced: the output text, no data, or the fault that stopped it. */
export type BifrostCall =
  | { readonly kind: 'output'; readonly text: string; readonly ptr: number; readonly len: number }
  | { readonly kind: 'no-data' }
  | { readonly kind: 'trap'; readonly step: CallStep; readonly trap: TrapInfo }
  | { readonly kind: 'fault'; readonly step: CallStep; readonly fault: MemoryFault | AllocFault };

/** The allocator returned a block the host cannot use. */
export interface AllocFault {
  readonly kind: 'null-pointer' | 'block-out-of-bounds';
  readonly requested: number;
  readonly ptr: number;
  readonly memoryBytes: number;
}

interface Block {
  readonly ptr: number;
  readonly len: number;
}

/** Calls one Bifrost plugin instance. */
export class BifrostCaller {
  readonly instance: PluginInstance;
  readonly #malloc: GuestFn | undefined;
  readonly #free: GuestFn | undefined;
  readonly #freeTakesSize: boolean;
  readonly #observer: AllocationObserver | undefined;
  // Where string inputs are encoded to learn their UTF-8 length before the allocator is asked for
  // it, then copied into guest memory: one pass over the text instead of measuring it and encoding it.
  #scratch = new Uint8Array(4096);
  // Argument lists of the allocator calls, filled anew for each: `invoke` spreads them into the
  // call at once and keeps nothing, so one list per arity serves every call.
  readonly #oneArg: number[] = [0];
  readonly #twoArgs: number[] = [0, 0];

  /** `observer` audits every block allocated, handed back and freed (harness/src/memory/); none on the plain path. */
  constructor(instance: PluginInstance, dialect: Dialect, observer?: AllocationObserver) {
    this.instance = instance;
    this.#observer = observer;
    const names = allocatorExportNames(dialect['allocator'], (name) => instance.hasFunction(name));
    this.#malloc = instance.fn(names.malloc);
    this.#free = names.free === undefined ? undefined : instance.fn(names.free);
    this.#freeTakesSize = dialect['free'] === 'free(ptr,size)';
  }

  // The UTF-8 bytes of `text` (lone surrogates as U+FFFD, as Buffer.byteLength counts them), valid
  // until the next call; inputs too large for a reused buffer get one of their own.
  #utf8(text: string): Uint8Array {
    const most = text.length * 3;
    if (most > MAX_SCRATCH_BYTES) return encoder.encode(text);
    if (most > this.#scratch.length) this.#scratch = new Uint8Array(Math.max(most, this.#scratch.length * 2));
    return this.#scratch.subarray(0, encoder.encodeInto(text, this.#scratch).written);
  }

  #memory() {
    const memory = this.instance.memory;
    if (memory === undefined) throw new Error('BifrostCaller needs an exported memory (abi.memory-exported)');
    return memory;
  }

  /** Allocates and writes one input; `(0,0)` for empty text. Raw bytes are for hostile inputs (invalid UTF-8). */
  #writeInput(text: string | Uint8Array, label: string): Block | Exclude<BifrostCall, { kind: 'output' | 'no-data' }> {
    const bytes = typeof text === 'string' ? this.#utf8(text) : text;
    const len = bytes.byteLength;
    if (len === 0) return { ptr: 0, len: 0 };
    if (this.#malloc === undefined) return { kind: 'trap', step: 'malloc', trap: { kind: 'other', message: 'no allocator export' } };
    const size = this.#oneArg;
    size[0] = len;
    const allocated = this.instance.invoke(this.#malloc, size, label, 'malloc');
    if (!allocated.ok) return { kind: 'trap', step: 'malloc', trap: allocated.trap };
    const ptr = (allocated.value as number) >>> 0;
    const memory = this.#memory();
    this.#observer?.allocated(ptr, len, memory.byteLength, label);
    if (ptr === 0) return { kind: 'fault', step: 'malloc', fault: { kind: 'null-pointer', requested: len, ptr, memoryBytes: memory.byteLength } };
    if (!memory.write(ptr, bytes)) {
      return { kind: 'fault', step: 'write-input', fault: { kind: 'block-out-of-bounds', requested: len, ptr, memoryBytes: memory.byteLength } };
    }
    return { ptr, len };
  }

  // Frees `blocks`, then `output` when given (passed apart so that no list is built per call).
  #release(blocks: readonly Block[], label: string, output?: Block): Extract<BifrostCall, { kind: 'trap' }> | undefined {
    for (const block of blocks) {
      const trapped = this.#freeBlock(block, label);
      if (trapped !== undefined) return trapped;
    }
    return output === undefined ? undefined : this.#freeBlock(output, label);
  }

  #freeBlock(block: Block, label: string): Extract<BifrostCall, { kind: 'trap' }> | undefined {
    const free = this.#free;
    if (free === undefined || block.ptr === 0) return undefined;
    this.#observer?.freed(block.ptr, block.len, label);
    let args: number[];
    if (this.#freeTakesSize) {
      args = this.#twoArgs;
      args[1] = block.len;
    } else args = this.#oneArg;
    args[0] = block.ptr;
    const freed = this.instance.invoke(free, args, label, 'free');
    return freed.ok ? undefined : { kind: 'trap', step: 'free', trap: freed.trap };
  }

  /**
   * Runs one hook over JSON texts (one per parameter): write inputs, call, read and free.
   * `label` names the call for a timeout report.
   */
  callHook(exportName: string, inputs: readonly (string | Uint8Array)[], label: string = exportName): BifrostCall {
    const hook = this.instance.fn(exportName);
    if (hook === undefined) return { kind: 'trap', step: 'call', trap: { kind: 'other', message: `no export \`${exportName}\`` } };
    return this.instance.roundTrip(label, () => this.#roundTrip(hook, inputs, label));
  }

  #roundTrip(hook: GuestFn, inputs: readonly (string | Uint8Array)[], label: string): BifrostCall {
    const blocks: Block[] = [];
    const args: number[] = [];
    for (const text of inputs) {
      const block = this.#writeInput(text, label);
      if ('kind' in block) return this.#release(blocks, label) ?? block;
      blocks.push(block);
      args.push(block.ptr, block.len);
    }
    const called = this.instance.invoke(hook, args, label);
    if (!called.ok) return { kind: 'trap', step: 'call', trap: called.trap };
    return this.#takeOutput(called.value as bigint, blocks, label);
  }

  // Reads the packed output, then frees the inputs and the output — unless the plugin handed an
  // input block back as its output (it must not be freed twice) or pointed outside memory (its
  // free would be handed a pointer it never allocated).
  #takeOutput(packed: bigint, inputs: readonly Block[], label: string): BifrostCall {
    const { ptr, len } = unpackU64(packed);
    if (ptr === 0 && len === 0) return this.#release(inputs, label) ?? { kind: 'no-data' };
    const read = this.#memory().readString(ptr, len);
    this.#observer?.returned({ ptr, len }, inputs, this.#memory().byteLength, label);
    const keepOutput = inputs.some((b) => b.ptr === ptr) || (!read.ok && read.fault.kind === 'out-of-bounds');
    const freed = this.#release(inputs, label, keepOutput ? undefined : { ptr, len });
    if (!read.ok) return { kind: 'fault', step: 'read-output', fault: read.fault };
    return freed ?? { kind: 'output', text: read.value, ptr, len };
  }

  /** Calls `get_name()`. The name buffer is not freed: the seeds leave that open (spec-decisions). */
  name(): BifrostCall {
    const called = this.instance.call('get_name', [], 'get_name');
    if (!called.ok) return { kind: 'trap', step: 'call', trap: called.trap };
    const { ptr, len } = unpackU64(called.value as bigint);
    if (ptr === 0 && len === 0) return { kind: 'no-data' };
    const read = this.#memory().readString(ptr, len);
    return read.ok ? { kind: 'output', text: read.value, ptr, len } : { kind: 'fault', step: 'read-output', fault: read.fault };
  }

  /** Calls `init(config_ptr, config_len)` with a JSON config; returns the status code. */
  init(configJson: string): { kind: 'status'; code: number } | Exclude<BifrostCall, { kind: 'output' | 'no-data' }> {
    return this.instance.roundTrip('init', () => {
      const block = this.#writeInput(configJson, 'init');
      if ('kind' in block) return block;
      const called = this.instance.call('init', [block.ptr, block.len], 'init');
      const freed = this.#release([block], 'init');
      if (!called.ok) return { kind: 'trap', step: 'call', trap: called.trap };
      return freed ?? { kind: 'status', code: called.value as number };
    });
  }

  /** Calls `cleanup()`; returns the status code. */
  cleanup(): { kind: 'status'; code: number } | Extract<BifrostCall, { kind: 'trap' }> {
    const called = this.instance.call('cleanup', [], 'cleanup');
    return called.ok ? { kind: 'status', code: called.value as number } : { kind: 'trap', step: 'call', trap: called.trap };
  }
}
