/**
 * Reads imports, exports, memories and metadata out of a WebAssembly binary without compiling it.
 *
 * Compiling would need a working engine and would throw one opaque CompileError for any of a
 * hundred problems; reading the sections ourselves gives typed signatures and precise errors, and
 * it stays fast because function bodies are skipped by size, never walked.
 */

import { PluginLoadError } from '../errors.js';
import { BinaryReader, hexBytes, type DecodedName } from './binary-reader.js';
import type {
  CustomSection,
  ExportEntry,
  ExternalKind,
  FunctionSignature,
  ImportEntry,
  MemoryLimits,
  ModuleInfo,
  ProducerField,
  ValueType,
} from './module-info.js';

const WASM_MAGIC = [0x00, 0x61, 0x73, 0x6d] as const;
const CORE_VERSION = [0x01, 0x00, 0x00, 0x00] as const;
// The component model reuses the magic with its own version and layer bytes.
const COMPONENT_VERSION = [0x0d, 0x00, 0x01, 0x00] as const;
const HEADER_SIZE = 8;

const TRUNCATED_FIX = 'rebuild the module; the file was cut short (an interrupted download or copy?)';

const SECTION_NAMES: ReadonlyMap<number, string> = new Map([
  [0, 'custom section'],
  [1, 'type section'],
  [2, 'import section'],
  [3, 'function section'],
  [4, 'table section'],
  [5, 'memory section'],
  [6, 'global section'],
  [7, 'export section'],
  [8, 'start section'],
  [9, 'element section'],
  [10, 'code section'],
  [11, 'data section'],
  [12, 'data count section'],
  [13, 'tag section'],
]);

// Binary-format order of the non-custom sections (the tag section sits between memory and global,
// data count between element and code). Enforced because a repeated import or function section
// would silently shift every index this inspector resolves.
const SECTION_RANK: ReadonlyMap<number, number> = new Map([
  [1, 1],
  [2, 2],
  [3, 3],
  [4, 4],
  [5, 5],
  [13, 6],
  [6, 7],
  [7, 8],
  [8, 9],
  [9, 10],
  [12, 11],
  [10, 12],
  [11, 13],
]);

const EXTERNAL_KINDS: readonly ExternalKind[] = ['function', 'table', 'memory', 'global', 'tag'];

const VALUE_TYPES: ReadonlyMap<number, ValueType> = new Map<number, ValueType>([
  [0x7f, 'i32'],
  [0x7e, 'i64'],
  [0x7d, 'f32'],
  [0x7c, 'f64'],
  [0x7b, 'v128'],
  [0x70, 'funcref'],
  [0x6f, 'externref'],
]);

// Type-section forms of the GC proposal (rec, sub, sub final, struct, array): recognised only to
// say clearly that they are unsupported instead of calling the module garbage.
const GC_TYPE_FORMS: ReadonlyMap<number, string> = new Map([
  [0x4e, 'rec'],
  [0x50, 'sub'],
  [0x4f, 'sub final'],
  [0x5f, 'struct'],
  [0x5e, 'array'],
]);

/** Page counts above this cannot be held exactly in a number; memory64 caps real ones at 2^48. */
const MAX_PAGES = Number.MAX_SAFE_INTEGER;

/**
 * Inspects a WebAssembly core module.
 *
 * @throws PluginLoadError `PLUGCHECK_NOT_WASM` when the bytes are not a core module (empty, text,
 *   WAT, a component), `PLUGCHECK_TRUNCATED_MODULE` when the file ends early,
 *   `PLUGCHECK_MALFORMED_MODULE` when a section cannot be parsed.
 */
export function inspectModule(bytes: Uint8Array): ModuleInfo {
  checkHeader(bytes);

  const types: FunctionSignature[] = [];
  const importedFunctions: FunctionSignature[] = [];
  const definedFunctions: FunctionSignature[] = [];
  const imports: ImportEntry[] = [];
  const exports: ExportEntry[] = [];
  const memories: { imported: boolean; limits: MemoryLimits }[] = [];
  const customSections: CustomSection[] = [];
  const invalidNames: string[] = [];
  let producers: Record<string, ProducerField[]> | null = null;
  let startFunction: number | null = null;
  let codeBodies: number | null = null;
  let dataCount: number | null = null;
  let dataSegments: number | null = null;

  const functionSignature = (index: number, r: BinaryReader, what: string): FunctionSignature => {
    const signature =
      index < importedFunctions.length ? importedFunctions[index] : definedFunctions[index - importedFunctions.length];
    if (signature === undefined) {
      throw r.malformed(`${what} names function ${index}, but the module has only ${functionCount()} function(s)`);
    }
    return signature;
  };
  const functionCount = (): number => importedFunctions.length + definedFunctions.length;
  const typeAt = (index: number, r: BinaryReader, what: string): FunctionSignature => {
    const signature = types[index];
    if (signature === undefined) {
      throw r.malformed(`${what} uses type ${index}, but the type section has only ${types.length} type(s)`);
    }
    return signature;
  };
  const nameText = (name: DecodedName, where: string): string => {
    if (!name.valid) invalidNames.push(`${where}: bytes ${hexBytes(name.bytes)}`);
    return name.text;
  };

  const top = new BinaryReader(bytes, 'module header', HEADER_SIZE);
  let lastRank = 0;
  let previous = 'module header';
  while (top.remaining > 0) {
    top.context = `section header after the ${previous}`;
    const headerOffset = top.position;
    const id = top.u8();
    const size = top.u32();
    const sectionName = SECTION_NAMES.get(id) ?? `unknown section ${id}`;
    if (size > top.remaining) {
      throw new PluginLoadError(
        'PLUGCHECK_TRUNCATED_MODULE',
        `the ${sectionName} at byte ${headerOffset} declares ${size} bytes, ` +
          `but the module ends ${top.remaining} byte(s) after its header, at byte ${bytes.length}`,
        {
          expected: `${size} bytes of ${sectionName} contents from byte ${top.position}`,
          received: `${top.remaining} byte(s) before the end of the file`,
          fix: TRUNCATED_FIX,
        },
      );
    }
    const rank = SECTION_RANK.get(id);
    if (rank !== undefined) {
      if (rank <= lastRank) {
        throw top.malformed(`the ${sectionName} at byte ${headerOffset} is repeated or out of order`, {
          expected: 'each non-custom section at most once, in binary-format order',
          received: `a ${sectionName} after the ${previous}`,
        });
      }
      lastRank = rank;
    }
    const r = top.sub(size, sectionName);

    switch (id) {
      case 0: {
        const name = r.name().text;
        customSections.push({ name, size });
        if (name === 'producers' && producers === null) producers = parseProducers(r);
        // The rest of a custom section is opaque by definition; nothing to check.
        r.skip(r.remaining);
        break;
      }
      case 1: {
        const count = r.u32();
        for (let i = 0; i < count; i++) types.push(readFunctionType(r, i));
        break;
      }
      case 2: {
        const count = r.u32();
        for (let i = 0; i < count; i++) {
          const module = nameText(r.name(), `import #${i} module name`);
          const name = nameText(r.name(), `import #${i} name`);
          const kindByte = r.u8();
          const kind = EXTERNAL_KINDS[kindByte];
          const what = `import #${i} (${module}.${name})`;
          switch (kind) {
            case 'function': {
              const signature = typeAt(r.u32(), r, what);
              importedFunctions.push(signature);
              imports.push({ module, name, kind, signature });
              break;
            }
            case 'table':
              readValueType(r);
              readLimits(r, 'table');
              imports.push({ module, name, kind });
              break;
            case 'memory': {
              const limits = readLimits(r, 'memory');
              memories.push({ imported: true, limits });
              imports.push({ module, name, kind, memory: limits });
              break;
            }
            case 'global':
              readValueType(r);
              r.u8(); // mutability
              imports.push({ module, name, kind });
              break;
            case 'tag': {
              const attribute = r.u8();
              if (attribute !== 0) {
                throw r.malformed(`${what} has tag attribute ${attribute}; only 0 (exception) exists`);
              }
              imports.push({ module, name, kind, signature: typeAt(r.u32(), r, what) });
              break;
            }
            case undefined:
              throw r.malformed(`${what} has unknown import kind 0x${hex(kindByte)}`, {
                expected: 'an import kind from 0x00 (function) to 0x04 (tag)',
                received: `0x${hex(kindByte)}`,
              });
          }
        }
        break;
      }
      case 3: {
        const count = r.u32();
        for (let i = 0; i < count; i++) definedFunctions.push(typeAt(r.u32(), r, `defined function #${i}`));
        break;
      }
      case 5: {
        const count = r.u32();
        for (let i = 0; i < count; i++) memories.push({ imported: false, limits: readLimits(r, 'memory') });
        break;
      }
      case 7: {
        const count = r.u32();
        for (let i = 0; i < count; i++) {
          const name = nameText(r.name(), `export #${i}`);
          const kindByte = r.u8();
          const kind = EXTERNAL_KINDS[kindByte];
          const index = r.u32();
          const what = `export #${i} (${name})`;
          if (kind === undefined) {
            throw r.malformed(`${what} has unknown export kind 0x${hex(kindByte)}`, {
              expected: 'an export kind from 0x00 (function) to 0x04 (tag)',
              received: `0x${hex(kindByte)}`,
            });
          }
          if (kind === 'function') {
            exports.push({ name, kind, index, signature: functionSignature(index, r, what) });
          } else {
            if (kind === 'memory' && index >= memories.length) {
              throw r.malformed(
                `${what} names memory ${index}, but the module has only ${memories.length} memory(ies)`,
              );
            }
            exports.push({ name, kind, index });
          }
        }
        break;
      }
      case 8: {
        startFunction = r.u32();
        functionSignature(startFunction, r, 'the start section');
        break;
      }
      case 10:
        // Only the count: bodies are skipped by size, which keeps multi-megabyte modules cheap.
        codeBodies = r.u32();
        r.skip(r.remaining);
        break;
      case 11:
        dataSegments = r.u32();
        r.skip(r.remaining);
        break;
      case 12:
        dataCount = r.u32();
        break;
      default:
        // Tables, globals, elements, tags and sections from future proposals carry nothing
        // plugcheck reports.
        r.skip(r.remaining);
    }
    if (r.remaining !== 0) {
      throw r.malformed(`${r.remaining} byte(s) left over after the last entry`, {
        expected: `the ${sectionName}'s entries to fill its declared size of ${size} bytes exactly`,
        received: `${r.remaining} unread byte(s)`,
      });
    }
    previous = sectionName;
  }

  checkCounts(bytes.length, definedFunctions.length, codeBodies, dataCount, dataSegments);

  return {
    byteLength: bytes.length,
    imports,
    exports,
    memories,
    startFunction,
    customSections,
    producers,
    invalidNames,
  };
}

/** Rejects anything that is not a version-1 core module, saying what it looks like instead. */
function checkHeader(bytes: Uint8Array): void {
  if (bytes.length === 0) {
    throw new PluginLoadError('PLUGCHECK_NOT_WASM', 'the file is empty', {
      expected: 'a WebAssembly binary starting with the bytes 00 61 73 6d ("\\0asm")',
      received: '0 bytes',
      fix: 'point plugcheck at the compiled .wasm file; this one is empty (did the build fail?)',
    });
  }
  const magicLength = Math.min(bytes.length, WASM_MAGIC.length);
  const magicMatches = WASM_MAGIC.slice(0, magicLength).every((b, i) => bytes[i] === b);
  if (!magicMatches) throw notWasm(bytes);
  if (bytes.length < HEADER_SIZE) {
    throw new PluginLoadError(
      'PLUGCHECK_TRUNCATED_MODULE',
      `the module header is cut short: the file has ${bytes.length} byte(s), the header alone needs ${HEADER_SIZE}`,
      {
        expected: `at least ${HEADER_SIZE} bytes (magic and version)`,
        received: `${bytes.length} byte(s): ${hexBytes(bytes)}`,
        fix: TRUNCATED_FIX,
      },
    );
  }
  const version = bytes.subarray(4, HEADER_SIZE);
  if (CORE_VERSION.every((b, i) => version[i] === b)) return;
  if (COMPONENT_VERSION.every((b, i) => version[i] === b)) {
    throw new PluginLoadError('PLUGCHECK_NOT_WASM', 'the file is a WebAssembly component, not a core module', {
      expected: 'a core WebAssembly module (version 01 00 00 00)',
      received: `a component (version ${hexBytes(version)})`,
      fix:
        'components are not supported; build the plugin as a core module ' +
        '(e.g. a wasm32 target without the component adapter)',
    });
  }
  throw new PluginLoadError('PLUGCHECK_NOT_WASM', `unsupported WebAssembly binary version ${hexBytes(version)}`, {
    expected: 'version 01 00 00 00 (WebAssembly 1.0 and later core modules)',
    received: `version bytes ${hexBytes(version)}`,
    fix: 'rebuild the plugin as a standard core WebAssembly module',
  });
}

// `(module` possibly after a byte-order mark, whitespace and comments.
const WAT_MODULE = /^\uFEFF?(?:\s|;;[^\n]*(?:\n|$)|\(;[\s\S]*?;\))*\((module|component)\b/;

/** The NOT_WASM error for bytes that do not start with the magic, with a guess at what they are. */
function notWasm(bytes: Uint8Array): PluginLoadError {
  const head = bytes.subarray(0, 16);
  const expected = 'a WebAssembly binary starting with the bytes 00 61 73 6d ("\\0asm")';
  const received = `bytes ${hexBytes(head, 16)}${bytes.length > head.length ? ' …' : ''}`;
  const text = new TextDecoder('utf-8').decode(bytes.subarray(0, 4096));
  const wat = WAT_MODULE.exec(text);
  if (wat?.[1] === 'module') {
    return new PluginLoadError('PLUGCHECK_NOT_WASM', 'the file is WebAssembly text (WAT), not a binary module', {
      expected,
      received: `text starting with "(module"`,
      fix: 'compile it with wat2wasm first',
    });
  }
  if (wat?.[1] === 'component') {
    return new PluginLoadError('PLUGCHECK_NOT_WASM', 'the file is a WebAssembly component in text form', {
      expected,
      received: `text starting with "(component"`,
      fix: 'components are not supported; build the plugin as a core module and compile it to binary',
    });
  }
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    return new PluginLoadError('PLUGCHECK_NOT_WASM', 'the file is gzip-compressed', {
      expected,
      received: `gzip data (${received})`,
      fix: 'decompress it first (gunzip) and pass the .wasm inside',
    });
  }
  return new PluginLoadError('PLUGCHECK_NOT_WASM', 'the file is not a WebAssembly module', {
    expected,
    received,
    fix: 'point plugcheck at the compiled .wasm file of the plugin',
  });
}

/** A `func` type; anything else in the type section is a proposal plugcheck does not read. */
function readFunctionType(r: BinaryReader, index: number): FunctionSignature {
  const form = r.u8();
  if (form === 0x60) {
    const params = readValueTypes(r);
    const results = readValueTypes(r);
    return { params, results };
  }
  const gcForm = GC_TYPE_FORMS.get(form);
  if (gcForm !== undefined) {
    const problem = `type #${index} is a GC type definition (${gcForm}, 0x${hex(form)}); GC types are not supported`;
    throw r.malformed(problem, {
      expected: 'function types (0x60) only',
      received: `a ${gcForm} type (0x${hex(form)})`,
      fix: 'build the plugin without the WebAssembly GC proposal enabled',
    });
  }
  throw r.malformed(`type #${index} has unknown form 0x${hex(form)}`, {
    expected: 'a function type (0x60)',
    received: `0x${hex(form)}`,
  });
}

function readValueTypes(r: BinaryReader): ValueType[] {
  const count = r.u32();
  const out: ValueType[] = [];
  for (let i = 0; i < count; i++) out.push(readValueType(r));
  return out;
}

/**
 * One value type. `(ref null func)` and `(ref null extern)` are the long forms of funcref and
 * externref; other reference types are reported as unknown, but their heap type is still skipped
 * so the rest of the section stays readable.
 */
function readValueType(r: BinaryReader): ValueType {
  const code = r.u8();
  const known = VALUE_TYPES.get(code);
  if (known !== undefined) return known;
  if (code === 0x63 || code === 0x64) {
    const heapType = r.peek();
    r.skipSignedLeb(33);
    if (code === 0x63 && heapType === 0x70) return 'funcref';
    if (code === 0x63 && heapType === 0x6f) return 'externref';
  }
  return `unknown(0x${hex(code)})`;
}

/** Memory or table limits; flag bit 0 = has maximum, bit 1 = shared, bit 2 = 64-bit. */
function readLimits(r: BinaryReader, what: 'memory' | 'table'): MemoryLimits {
  const flags = r.u8();
  if (flags > 0x07) {
    throw r.malformed(`unknown ${what} limits flags 0x${hex(flags)}`, {
      expected: 'limits flags 0x00 to 0x07 (maximum, shared, 64-bit)',
      received: `0x${hex(flags)}`,
    });
  }
  const memory64 = (flags & 0x04) !== 0;
  const read = (): number => {
    if (!memory64) return r.u32();
    const value = r.u64();
    if (value > BigInt(MAX_PAGES)) throw r.malformed(`${what} limit ${value} is too large to represent`);
    return Number(value);
  };
  const initialPages = read();
  const maximumPages = (flags & 0x01) !== 0 ? read() : null;
  return { initialPages, maximumPages, shared: (flags & 0x02) !== 0, memory64 };
}

/**
 * The `producers` section (tool conventions): a vector of fields, each a name and a vector of
 * (name, version). Returns `null` if it does not parse, because the spec forbids errors in custom
 * sections from invalidating a module.
 */
function parseProducers(r: BinaryReader): Record<string, ProducerField[]> | null {
  // Null prototype: field names come from the file, and "__proto__" must stay an ordinary key.
  const fields = Object.create(null) as Record<string, ProducerField[]>;
  try {
    const fieldCount = r.u32();
    for (let i = 0; i < fieldCount; i++) {
      const field = r.name().text;
      const list = (fields[field] ??= []);
      const valueCount = r.u32();
      for (let j = 0; j < valueCount; j++) {
        const name = r.name().text;
        const version = r.name().text;
        list.push({ name, version });
      }
    }
  } catch (error) {
    if (error instanceof PluginLoadError) return null;
    throw error;
  }
  return r.remaining === 0 ? fields : null;
}

/**
 * Catches a cut that falls exactly on a section boundary: the function section promises bodies
 * (and the data count section segments) that a later section must deliver.
 */
function checkCounts(
  byteLength: number,
  definedFunctions: number,
  codeBodies: number | null,
  dataCount: number | null,
  dataSegments: number | null,
): void {
  if (codeBodies === null && definedFunctions > 0) {
    throw new PluginLoadError(
      'PLUGCHECK_TRUNCATED_MODULE',
      `the function section declares ${definedFunctions} function(s), ` +
        `but the module ends at byte ${byteLength} without a code section`,
      {
        expected: `a code section with ${definedFunctions} function bod(ies)`,
        received: `end of file after ${byteLength} bytes`,
        fix: TRUNCATED_FIX,
      },
    );
  }
  if ((codeBodies ?? 0) !== definedFunctions) {
    throw new PluginLoadError(
      'PLUGCHECK_MALFORMED_MODULE',
      `the function section declares ${definedFunctions} function(s) but the code section has ${codeBodies} bod(ies)`,
      {
        expected: 'as many code bodies as function section entries',
        received: `${definedFunctions} function(s), ${codeBodies} bod(ies)`,
        fix: 'rebuild the module with its toolchain and check it with wasm-validate or wasm-tools validate',
      },
    );
  }
  if (dataCount !== null && dataSegments === null && dataCount > 0) {
    throw new PluginLoadError(
      'PLUGCHECK_TRUNCATED_MODULE',
      `the data count section declares ${dataCount} segment(s), ` +
        `but the module ends at byte ${byteLength} without a data section`,
      {
        expected: `a data section with ${dataCount} segment(s)`,
        received: `end of file after ${byteLength} bytes`,
        fix: TRUNCATED_FIX,
      },
    );
  }
  if (dataCount !== null && (dataSegments ?? 0) !== dataCount) {
    throw new PluginLoadError(
      'PLUGCHECK_MALFORMED_MODULE',
      `the data count section declares ${dataCount} segment(s) but the data section has ${dataSegments}`,
      {
        expected: 'as many data segments as the data count section declares',
        received: `${dataSegments} segment(s)`,
        fix: 'rebuild the module with its toolchain and check it with wasm-validate or wasm-tools validate',
      },
    );
  }
}

function hex(byte: number): string {
  return byte.toString(16).padStart(2, '0');
}
