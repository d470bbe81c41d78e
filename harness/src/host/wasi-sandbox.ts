/**
 * The WASI preview1 sandbox: `@bjorn3/browser_wasi_shim` with nothing from the real machine.
 * By default no preopened directories and no environment; a profile grants in-memory directories
 * and variables explicitly. Arguments `["plugin"]`, stdout and stderr captured, a clock that
 * starts at a fixed instant and advances one millisecond per read, and random bytes from a seeded
 * stream. A run is therefore the same on every machine.
 */
import { ConsoleStdout, Directory, File, OpenFile, PreopenDirectory, WASI } from '@bjorn3/browser_wasi_shim';
import { seededRandom } from './seeded-random.js';

/** 2026-01-01T00:00:00Z in nanoseconds: the sandbox's wall clock at start. */
export const SANDBOX_EPOCH_NS = 1_767_225_600_000_000_000n;
const TICK_NS = 1_000_000n;
const ERRNO_SUCCESS = 0;
const ERRNO_INVAL = 28;

/** What a profile grants a plugin through WASI. Everything else is denied. */
export interface WasiGrants {
  /** In-memory directories to preopen, by guest path (e.g. `/` for midimon's plugin-data dir). */
  readonly preopens?: Readonly<Record<string, Directory>>;
  /** Environment variables visible to the plugin. */
  readonly env?: Readonly<Record<string, string>>;
}

/** A new empty in-memory directory for {@link WasiGrants.preopens}. */
export function emptyDirectory(): Directory {
  return new Directory(new Map());
}

/** A deny-by-default WASI environment for one plugin instance. */
export class WasiSandbox {
  readonly stdout: string[] = [];
  /**
   * Every byte written to stdout, in order. `stdout` decodes leniently and holds back a last
   * line without a newline; a host that parses stdout (FrankenTerm's `_start` config) needs these.
   */
  readonly stdoutBytes: Uint8Array[] = [];
  readonly stderr: string[] = [];
  readonly #wasi: WASI;
  #memory: WebAssembly.Memory | undefined;
  #bound = false;

  constructor(seed: number, grants: WasiGrants = {}) {
    const stdoutLines = ConsoleStdout.lineBuffered((line) => this.stdout.push(line));
    const fds = [
      new OpenFile(new File([])),
      new ConsoleStdout((bytes) => {
        this.stdoutBytes.push(bytes.slice());
        stdoutLines.write(bytes);
      }),
      ConsoleStdout.lineBuffered((line) => this.stderr.push(line)),
      ...Object.entries(grants.preopens ?? {}).map(([path, dir]) => new PreopenDirectory(path, dir.contents)),
    ];
    const env = Object.entries(grants.env ?? {}).map(([k, v]) => `${k}=${v}`);
    this.#wasi = new WASI(['plugin'], env, fds, { debug: false });
    const next = seededRandom(seed);
    let ticks = 0n;
    const view = () => {
      if (this.#memory === undefined) {
        throw new Error(
          this.#bound
            ? 'the module exports no memory for WASI to use'
            : 'WASI was called from the start function, before instantiation finished; a JS host cannot reach the memory until then (seed toolchains use `_initialize` for this)',
        );
      }
      return this.#memory.buffer;
    };
    const imports = this.#wasi.wasiImport;
    imports['clock_time_get'] = (id: number, _precision: bigint, out: number) => {
      if (id < 0 || id > 3) return ERRNO_INVAL;
      ticks += 1n;
      const now = id === 0 ? SANDBOX_EPOCH_NS + ticks * TICK_NS : ticks * TICK_NS;
      new DataView(view()).setBigUint64(out, now, true);
      return ERRNO_SUCCESS;
    };
    imports['random_get'] = (ptr: number, len: number) => {
      const bytes = new Uint8Array(view(), ptr, len);
      for (let i = 0; i < len; i++) bytes[i] = next() & 0xff;
      return ERRNO_SUCCESS;
    };
  }

  /** The functions to offer under `wasi_snapshot_preview1`. */
  get imports(): Readonly<Record<string, (...args: never[]) => unknown>> {
    return this.#wasi.wasiImport as Record<string, (...args: never[]) => unknown>;
  }

  /** Binds the sandbox to an instance (WASI calls read its exported memory). */
  bind(instance: WebAssembly.Instance): void {
    this.#bound = true;
    const memory = instance.exports['memory'];
    this.#memory = memory instanceof WebAssembly.Memory ? memory : undefined;
    // The shim reads `inst.exports.memory`; give it that even for modules whose memory is absent.
    this.#wasi.inst = { exports: { memory: this.#memory ?? new WebAssembly.Memory({ initial: 0 }) } };
  }
}
