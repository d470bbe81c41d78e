import { describe, it, expect } from 'vitest';
import wabtInit from 'wabt';
import { PluginLoadError } from '../../src/errors.js';
import { formatSignature, inspectModule, sameSignature } from '../../src/wasm/index.js';
import type { FunctionSignature, ModuleInfo } from '../../src/wasm/index.js';

const wabt = await wabtInit();

// tsconfig's libs (ES2023, @types/node 20) declare no WebAssembly global; type just what is used here.
interface EngineApi {
  readonly Module: {
    new (bytes: Uint8Array): object;
    imports(module: object): { module: string; name: string; kind: string }[];
    exports(module: object): { name: string; kind: string }[];
  };
  validate(bytes: Uint8Array): boolean;
}
const engine = (globalThis as unknown as { WebAssembly: EngineApi }).WebAssembly;

/** Compiles WAT text to a binary with the features these tests need. */
function wat(src: string, features: { memory64?: boolean } = {}): Uint8Array {
  const module = wabt.parseWat('t.wat', src, { bulk_memory: true, multi_value: true, ...features });
  try {
    module.validate();
    return new Uint8Array(module.toBinary({}).buffer);
  } finally {
    module.destroy();
  }
}

function leb(value: number): number[] {
  const out: number[] = [];
  let rest = value;
  do {
    let byte = rest & 0x7f;
    rest >>>= 7;
    if (rest !== 0) byte |= 0x80;
    out.push(byte);
  } while (rest !== 0);
  return out;
}

function encodeName(text: string): number[] {
  const utf8 = new TextEncoder().encode(text);
  return [...leb(utf8.length), ...utf8];
}

function section(id: number, payload: readonly number[]): number[] {
  return [id, ...leb(payload.length), ...payload];
}

function producersSection(fields: Record<string, [string, string][]>): number[] {
  const payload = [...encodeName('producers'), ...leb(Object.keys(fields).length)];
  for (const [field, values] of Object.entries(fields)) {
    payload.push(...encodeName(field), ...leb(values.length));
    for (const [name, version] of values) payload.push(...encodeName(name), ...encodeName(version));
  }
  return section(0, payload);
}

function concat(...parts: (Uint8Array | readonly number[])[]): Uint8Array {
  return new Uint8Array(parts.flatMap((part) => Array.from(part)));
}

const HEADER = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
// type 0 = () -> (); one function of that type with an empty body.
const TYPE_VOID = section(1, [1, 0x60, 0, 0]);
const ONE_FUNCTION = section(3, [1, 0]);
const EMPTY_BODY = section(10, [1, 2, 0, 0x0b]);

/** Runs `fn` and returns the PluginLoadError it throws, failing the test on anything else. */
function loadError(fn: () => unknown): PluginLoadError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(PluginLoadError);
    return error as PluginLoadError;
  }
  throw new Error('expected a PluginLoadError, but nothing was thrown');
}

/** Offsets where a section ends, found by walking section headers independently of the inspector. */
function sectionBoundaries(bytes: Uint8Array): Set<number> {
  const boundaries = new Set<number>([8]);
  let pos = 8;
  while (pos < bytes.length) {
    pos += 1;
    let size = 0;
    let shift = 0;
    let byte: number;
    do {
      byte = bytes[pos++] ?? 0;
      size += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    pos += size;
    boundaries.add(pos);
  }
  return boundaries;
}

const sig = (params: FunctionSignature['params'], results: FunctionSignature['results']): FunctionSignature => ({
  params,
  results,
});

const FULL_MODULE = `
  (module
    (import "env" "log" (func $log (param i64 i32)))
    (import "env" "now" (func $now (result i64)))
    (memory (export "memory") 2 16)
    (func $init)
    (func (export "add") (param i64 i64) (result i64) local.get 0 local.get 1 i64.add)
    (func (export "pair") (param i32) (result i32 i64 f64) local.get 0 i64.const 2 f64.const 3)
    (func (export "noop"))
    (start $init)
    (data (i32.const 16) "hello"))`;

describe('inspectModule: imports and exports', () => {
  const bytes = wat(FULL_MODULE);
  const info = inspectModule(bytes);

  it('reads imported function signatures, i64 included', () => {
    expect(info.imports).toEqual([
      { module: 'env', name: 'log', kind: 'function', signature: sig(['i64', 'i32'], []) },
      { module: 'env', name: 'now', kind: 'function', signature: sig([], ['i64']) },
    ]);
  });

  it('resolves export signatures through imported then defined functions', () => {
    expect(info.exports).toEqual([
      { name: 'memory', kind: 'memory', index: 0 },
      { name: 'add', kind: 'function', index: 3, signature: sig(['i64', 'i64'], ['i64']) },
      { name: 'pair', kind: 'function', index: 4, signature: sig(['i32'], ['i32', 'i64', 'f64']) },
      { name: 'noop', kind: 'function', index: 5, signature: sig([], []) },
    ]);
  });

  it('formats multi-value, single and empty results', () => {
    expect(info.exports.map((e) => (e.signature ? formatSignature(e.signature) : null))).toEqual([
      null,
      '(i64, i64) -> i64',
      '(i32) -> (i32, i64, f64)',
      '() -> ()',
    ]);
  });

  it('reads the start function, memories and byte length', () => {
    expect(info.startFunction).toBe(2);
    expect(info.memories).toEqual([
      { imported: false, limits: { initialPages: 2, maximumPages: 16, shared: false, memory64: false } },
    ]);
    expect(info.byteLength).toBe(bytes.length);
    expect(info.customSections).toEqual([]);
    expect(info.producers).toBeNull();
    expect(info.invalidNames).toEqual([]);
  });

  it('agrees with the engine on names and kinds', () => {
    const module = new engine.Module(bytes);
    expect(info.imports.map(({ module: m, name, kind }) => ({ module: m, name, kind }))).toEqual(
      engine.Module.imports(module),
    );
    expect(info.exports.map(({ name, kind }) => ({ name, kind }))).toEqual(engine.Module.exports(module));
  });

  it('has no start function when there is no start section', () => {
    expect(inspectModule(wat('(module (func (export "f")))')).startFunction).toBeNull();
  });
});

describe('inspectModule: memories', () => {
  it('reads limits without a maximum', () => {
    const info = inspectModule(wat('(module (memory 3))'));
    expect(info.memories).toEqual([
      { imported: false, limits: { initialPages: 3, maximumPages: null, shared: false, memory64: false } },
    ]);
  });

  it('lists an imported memory first, with its limits on the import', () => {
    const info = inspectModule(
      wat('(module (import "env" "memory" (memory 1 256)) (export "mem" (memory 0)))'),
    );
    const limits = { initialPages: 1, maximumPages: 256, shared: false, memory64: false };
    expect(info.imports).toEqual([{ module: 'env', name: 'memory', kind: 'memory', memory: limits }]);
    expect(info.memories).toEqual([{ imported: true, limits }]);
    expect(info.exports).toEqual([{ name: 'mem', kind: 'memory', index: 0 }]);
  });

  it('reads shared memory limits and tag imports', () => {
    // Hand-built: wabt.js refuses shared memories in validate() whatever features it is given.
    const types = section(1, [1, 0x60, 1, 0x7f, 0]);
    const importSection = section(2, [
      2,
      ...encodeName('env'),
      ...encodeName('shared'),
      2,
      0x03,
      1,
      ...leb(65536),
      ...encodeName('env'),
      ...encodeName('oops'),
      4,
      0,
      0,
    ]);
    const info = inspectModule(concat(HEADER, types, importSection, section(5, [1, 0x03, 2, 8])));
    expect(info.memories).toEqual([
      { imported: true, limits: { initialPages: 1, maximumPages: 65536, shared: true, memory64: false } },
      { imported: false, limits: { initialPages: 2, maximumPages: 8, shared: true, memory64: false } },
    ]);
    expect(info.imports[1]).toEqual({ module: 'env', name: 'oops', kind: 'tag', signature: sig(['i32'], []) });
  });

  it('reads memory64 limits', () => {
    const info = inspectModule(wat('(module (memory i64 5 70000))', { memory64: true }));
    expect(info.memories[0]?.limits).toEqual({ initialPages: 5, maximumPages: 70000, shared: false, memory64: true });
  });

  it('records table and global imports with their kinds only', () => {
    const info = inspectModule(
      wat('(module (import "env" "t" (table 1 funcref)) (import "env" "g" (global (mut i32))))'),
    );
    expect(info.imports).toEqual([
      { module: 'env', name: 't', kind: 'table' },
      { module: 'env', name: 'g', kind: 'global' },
    ]);
  });
});

describe('inspectModule: custom sections', () => {
  it('parses an appended producers section', () => {
    const producers = producersSection({
      language: [['Rust', '']],
      'processed-by': [
        ['rustc', '1.80.0'],
        ['wasm-opt', '118'],
      ],
    });
    const info = inspectModule(concat(wat('(module (func (export "f")))'), producers));
    expect(info.customSections).toEqual([{ name: 'producers', size: producers.length - 2 }]);
    expect(info.producers).toEqual({
      language: [{ name: 'Rust', version: '' }],
      'processed-by': [
        { name: 'rustc', version: '1.80.0' },
        { name: 'wasm-opt', version: '118' },
      ],
    });
  });

  it('keeps an unparseable producers section from failing the inspection', () => {
    // Claims two fields but holds none: custom section errors must not invalidate a module.
    const broken = section(0, [...encodeName('producers'), 2]);
    const info = inspectModule(concat(HEADER, broken, section(0, [...encodeName('other'), 1, 2, 3])));
    expect(info.producers).toBeNull();
    expect(info.customSections).toEqual([
      { name: 'producers', size: 11 },
      { name: 'other', size: 9 },
    ]);
  });
});

describe('inspectModule: not WebAssembly', () => {
  it('rejects an empty file', () => {
    const error = loadError(() => inspectModule(new Uint8Array()));
    expect(error.code).toBe('PLUGCHECK_NOT_WASM');
    expect(error.message).toMatch(/empty/);
  });

  it('rejects a text file', () => {
    const error = loadError(() => inspectModule(new TextEncoder().encode('hello, world\n')));
    expect(error.code).toBe('PLUGCHECK_NOT_WASM');
    expect(error.received).toMatch(/^bytes 68 65 6c/);
  });

  it('rejects WAT text and says to compile it', () => {
    for (const text of ['(module)', '\uFEFF  ;; plugin\n(; block ;)\n(module $p (func))']) {
      const error = loadError(() => inspectModule(new TextEncoder().encode(text)));
      expect(error.code).toBe('PLUGCHECK_NOT_WASM');
      expect(error.fix).toBe('compile it with wat2wasm first');
    }
  });

  it('rejects a component and says components are not supported', () => {
    const error = loadError(() => inspectModule(new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x0d, 0x00, 0x01, 0x00])));
    expect(error.code).toBe('PLUGCHECK_NOT_WASM');
    expect(error.fix).toMatch(/components are not supported/);
  });

  it('rejects other versions and gzip data', () => {
    expect(loadError(() => inspectModule(new Uint8Array([0, 0x61, 0x73, 0x6d, 2, 0, 0, 0]))).code).toBe(
      'PLUGCHECK_NOT_WASM',
    );
    const gzip = loadError(() => inspectModule(new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0, 0, 0])));
    expect(gzip.code).toBe('PLUGCHECK_NOT_WASM');
    expect(gzip.fix).toMatch(/decompress/);
  });
});

describe('inspectModule: truncated modules', () => {
  const full = concat(
    wat(FULL_MODULE),
    producersSection({ language: [['C', '']], sdk: [['wasi-sdk', '22']] }),
  );

  it('inspects the full module', () => {
    expect(inspectModule(full).producers).toEqual({
      language: [{ name: 'C', version: '' }],
      sdk: [{ name: 'wasi-sdk', version: '22' }],
    });
  });

  it('throws TRUNCATED or NOT_WASM for every prefix, except cuts that leave a complete module', () => {
    // A cut exactly at a section boundary can leave a well-formed module (the 8-byte header alone
    // is the empty module), which no reader can tell from a deliberately short one. Every other
    // prefix must fail, and with one of these two codes only.
    const boundaries = sectionBoundaries(full);
    const accepted: number[] = [];
    for (let length = 0; length < full.length; length++) {
      const prefix = full.subarray(0, length);
      let info: ModuleInfo | undefined;
      try {
        info = inspectModule(prefix);
      } catch (error) {
        expect(error, `prefix of ${length} bytes`).toBeInstanceOf(PluginLoadError);
        const { code } = error as PluginLoadError;
        expect(['PLUGCHECK_TRUNCATED_MODULE', 'PLUGCHECK_NOT_WASM'], `prefix of ${length} bytes: ${code}`).toContain(
          code,
        );
        if (length > 0) expect(code, `prefix of ${length} bytes`).toBe('PLUGCHECK_TRUNCATED_MODULE');
        continue;
      }
      expect(boundaries.has(length), `prefix of ${length} bytes parsed without error`).toBe(true);
      expect(info.byteLength).toBe(length);
      accepted.push(length);
    }
    // Only the header alone and cuts after the type, import, code and data sections parse: a cut
    // between the function and code sections leaves bodies missing and is caught.
    expect(accepted.map((length) => sectionIds(full.subarray(0, length)).at(-1) ?? 'header')).toEqual([
      'header',
      1,
      2,
      10,
      11,
    ]);
  });

  it('reports the byte offset and section of the cut', () => {
    const cut = full.subarray(0, 40);
    const error = loadError(() => inspectModule(cut));
    expect(error.code).toBe('PLUGCHECK_TRUNCATED_MODULE');
    expect(error.message).toMatch(/section/);
    expect(error.message).toMatch(/byte \d+/);
    expect(error.fix).toBe('rebuild the module; the file was cut short (an interrupted download or copy?)');
  });
});

function sectionIds(bytes: Uint8Array): number[] {
  const ids: number[] = [];
  let pos = 8;
  for (const end of [...sectionBoundaries(bytes)].sort((a, b) => a - b)) {
    if (end === 8) continue;
    ids.push(bytes[pos] ?? -1);
    pos = end;
  }
  return ids;
}

describe('inspectModule: names and malformed modules', () => {
  it('records export names that are not valid UTF-8', () => {
    const exportSection = section(7, [2, ...encodeName('ok'), 0, 0, 2, 0xff, 0xfe, 0, 0]);
    const info = inspectModule(concat(HEADER, TYPE_VOID, ONE_FUNCTION, exportSection, EMPTY_BODY));
    expect(info.invalidNames).toEqual(['export #1: bytes ff fe']);
    expect(info.exports.map((e) => e.name)).toEqual(['ok', '\uFFFD\uFFFD']);
    expect(info.exports[1]?.signature).toEqual(sig([], []));
  });

  it('records import names that are not valid UTF-8', () => {
    const importSection = section(2, [1, 3, 0x65, 0x6e, 0xc3, 1, 0x80, 0, 0]);
    const info = inspectModule(concat(HEADER, TYPE_VOID, importSection));
    expect(info.invalidNames).toEqual(['import #0 module name: bytes 65 6e c3', 'import #0 name: bytes 80']);
    expect(info.imports[0]).toMatchObject({ module: 'en\uFFFD', name: '\uFFFD', kind: 'function' });
  });

  it('rejects GC type definitions as unsupported', () => {
    const gcTypes = section(1, [1, 0x5f, 0]);
    const error = loadError(() => inspectModule(concat(HEADER, gcTypes)));
    expect(error.code).toBe('PLUGCHECK_MALFORMED_MODULE');
    expect(error.message).toMatch(/GC types are not supported/);
  });

  it('reports an entry running past its section as malformed, not truncated', () => {
    // The export section says 3 bytes, but its single entry needs more; the file goes on.
    const exportSection = [7, 3, 1, 5, 0x61];
    const error = loadError(() =>
      inspectModule(concat(HEADER, TYPE_VOID, ONE_FUNCTION, exportSection, [0x62, 0x63, 0x64, 0, 0], EMPTY_BODY)),
    );
    expect(error.code).toBe('PLUGCHECK_MALFORMED_MODULE');
  });

  it('rejects leftover bytes, out-of-range indices and repeated sections', () => {
    const cases = [
      concat(HEADER, section(1, [1, 0x60, 0, 0, 0xaa])),
      concat(HEADER, TYPE_VOID, ONE_FUNCTION, section(7, [1, ...encodeName('f'), 0, 7]), EMPTY_BODY),
      concat(HEADER, TYPE_VOID, section(3, [1, 4]), EMPTY_BODY),
      concat(HEADER, TYPE_VOID, TYPE_VOID),
      concat(HEADER, TYPE_VOID, ONE_FUNCTION, section(8, [9]), EMPTY_BODY),
      concat(HEADER, TYPE_VOID, ONE_FUNCTION, section(10, [2, 2, 0, 0x0b, 2, 0, 0x0b])),
    ];
    for (const bytes of cases) expect(loadError(() => inspectModule(bytes)).code).toBe('PLUGCHECK_MALFORMED_MODULE');
  });
});

describe('inspectModule: speed', () => {
  it('skips function bodies, so a 2.4 MB module inspects in milliseconds', () => {
    const bodySize = 2_400_000;
    const body = new Uint8Array(bodySize);
    body.fill(0x01); // nop
    body[0] = 0; // no locals
    body[bodySize - 1] = 0x0b; // end
    const codeHeader = [10, ...leb(1 + leb(bodySize).length + bodySize), 1, ...leb(bodySize)];
    const bytes = concat(HEADER, TYPE_VOID, ONE_FUNCTION, section(7, [1, ...encodeName('run'), 0, 0]));
    const big = new Uint8Array(bytes.length + codeHeader.length + bodySize);
    big.set(bytes);
    big.set(codeHeader, bytes.length);
    big.set(body, bytes.length + codeHeader.length);
    expect(engine.validate(big)).toBe(true);

    inspectModule(big);
    const started = performance.now();
    const info = inspectModule(big);
    const elapsed = performance.now() - started;
    expect(info.exports).toEqual([{ name: 'run', kind: 'function', index: 0, signature: sig([], []) }]);
    // Generous bound for slow CI machines; walking the bodies would take far longer than this.
    expect(elapsed).toBeLessThan(50);
  });
});

describe('formatSignature and sameSignature', () => {
  it('formats parameters and results', () => {
    expect(formatSignature(sig(['i32', 'i32'], ['i64']))).toBe('(i32, i32) -> i64');
    expect(formatSignature(sig([], []))).toBe('() -> ()');
    expect(formatSignature(sig(['i32'], ['i32']))).toBe('(i32) -> i32');
    expect(formatSignature(sig(['f32'], ['i32', 'externref']))).toBe('(f32) -> (i32, externref)');
  });

  it('compares signatures exactly', () => {
    expect(sameSignature(sig(['i32'], ['i64']), sig(['i32'], ['i64']))).toBe(true);
    expect(sameSignature(sig(['i32'], ['i64']), sig(['i32'], ['i32']))).toBe(false);
    expect(sameSignature(sig(['i32'], []), sig(['i32', 'i32'], []))).toBe(false);
    expect(sameSignature(sig([], ['i32']), sig(['i32'], []))).toBe(false);
  });
});
