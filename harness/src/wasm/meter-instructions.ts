/**
 * Instruction metering: binaryen rewrites the module so that every function entry and every loop
 * header subtracts a weight from an exported `(mut i64)` fuel global, and traps (`unreachable`)
 * once the fuel goes negative. The weight of a site is the number of instructions (binaryen
 * expressions, `nop` excluded) in the code it starts, up to the next loop header: the function's
 * body outside its loops, or one loop body outside the loops nested in it.
 *
 * How the unit relates to wasmtime fuel: wasmtime charges 1 fuel per operator it executes (except
 * `nop`, `drop`, `block`, `loop`, `end`, …) as each basic block is entered. plugcheck charges the
 * static size of a whole region on entry, so both arms of an `if` and code after an early `return`
 * are counted whether they run or not: the figure is an upper bound of wasmtime's fuel for the same
 * call, equal for straight-line code and within a small factor for branchy code. It is a property
 * of the module and the input, never of the machine: the same call gives the same count everywhere.
 *
 * binaryen is loaded on first use only (wasm/binaryen.ts), so runs that never meter never pay.
 */
import { loadBinaryen, readForRewrite } from './binaryen.js';
import { uniqueExportName } from './unique-export-name.js';

/** A module rewritten to count its instructions against a fuel budget. */
export type MeteredModule =
  | {
      readonly ok: true;
      readonly bytes: Uint8Array<ArrayBuffer>;
      /** Export name of the `(mut i64)` global holding the fuel left. */
      readonly fuelGlobal: string;
      /** The budget the global starts with (at instantiation, so start functions are metered too). */
      readonly fuel: bigint;
      /** Metering sites added: one per defined function, one per loop. */
      readonly functions: number;
      readonly loops: number;
    }
  | { readonly ok: false; readonly message: string };

/** A budget large enough never to run out: for counting, not limiting. */
export const UNLIMITED_FUEL = 2n ** 62n;

type Ref = number;
interface ExpressionInfo {
  readonly id: number;
  readonly [key: string]: unknown;
}
// The slice of binaryen.js used here, typed locally: its .d.ts relies on const enums, which
// erasableSyntaxOnly code cannot consume.
interface BinaryenModule {
  setFeatures(features: number): void;
  getNumFunctions(): number;
  getFunctionByIndex(index: number): Ref;
  addGlobal(name: string, type: number, mutable: boolean, init: Ref): Ref;
  addGlobalExport(internalName: string, externalName: string): Ref;
  getGlobal(name: string): Ref;
  block(label: string | null, children: readonly Ref[], type?: number): Ref;
  if(condition: Ref, ifTrue: Ref, ifFalse?: Ref): Ref;
  unreachable(): Ref;
  global: { get(name: string, type: number): Ref; set(name: string, value: Ref): Ref };
  i64: { const(value: bigint): Ref; sub(a: Ref, b: Ref): Ref; lt_s(a: Ref, b: Ref): Ref };
  emitBinary(): Uint8Array;
  dispose(): void;
}
interface Binaryen {
  readBinary(bytes: Uint8Array): BinaryenModule;
  getFunctionInfo(func: Ref): { readonly name: string; readonly base: string; readonly body: Ref };
  getExpressionInfo(expr: Ref): ExpressionInfo;
  getExpressionId(expr: Ref): number;
  Return: { getValue(expr: Ref): Ref };
  Function: { setBody(func: Ref, body: Ref): void };
  Loop: { setBody(loop: Ref, body: Ref): void };
  Features: Readonly<Record<string, number>>;
  readonly i64: number;
  readonly auto: number;
  readonly LoopId: number;
  readonly NopId: number;
  readonly ConstId: number;
  readonly ReturnId: number;
}

// Keys of binaryen's expression info that hold child expressions (single or arrays). Others
// (`index`, `offset` of loads, `name`, `value` of a const) are immediates.
const CHILD_KEYS = ['children', 'condition', 'ifTrue', 'ifFalse', 'body', 'value', 'ptr', 'operands', 'target', 'left', 'right', 'delta', 'expected', 'replacement', 'size', 'dest', 'source', 'vec', 'ref', 'tuple', 'catchBodies'];


// binaryen.js 132 throws from getExpressionInfo on some expressions (`return` among them); their
// children are read through the per-kind getters, and any other such expression counts as a leaf.
function describe(b: Binaryen, expr: Ref): ExpressionInfo {
  try {
    return b.getExpressionInfo(expr);
  } catch {
    const id = b.getExpressionId(expr);
    return id === b.ReturnId ? { id, value: b.Return.getValue(expr) } : { id };
  }
}

function children(b: Binaryen, info: ExpressionInfo): Ref[] {
  if (info.id === b.ConstId) return [];
  const out: Ref[] = [];
  for (const key of CHILD_KEYS) {
    const v = info[key];
    if (typeof v === 'number' && v !== 0) out.push(v);
    else if (Array.isArray(v)) for (const c of v) if (typeof c === 'number' && c !== 0) out.push(c);
  }
  return out;
}

/** Counts the region rooted at `root` (loops in it, `root` included, count 1 and are collected, not entered). */
function weigh(b: Binaryen, root: Ref, loops: Ref[]): number {
  let count = 0;
  const stack = [root];
  while (stack.length > 0) {
    const expr = stack.pop() as Ref;
    const info = describe(b, expr);
    if (info.id !== b.NopId) count++;
    if (info.id === b.LoopId) {
      loops.push(expr);
      continue;
    }
    stack.push(...children(b, info));
  }
  return count;
}

/**
 * Rewrites `bytes` so every call is metered against `fuel`. The plugin's code is unchanged apart
 * from the added charges; names, data and exports are kept.
 */
export async function meterInstructions(bytes: Uint8Array, exportNames: readonly string[], fuel: bigint = UNLIMITED_FUEL): Promise<MeteredModule> {
  const b = await loadBinaryen<Binaryen>();
  let module: BinaryenModule | undefined;
  try {
    module = readForRewrite(b, bytes);
    const fuelGlobal = uniqueExportName(exportNames, '__plugcheck_fuel');
    const m = module;
    m.addGlobal(fuelGlobal, b.i64, true, m.i64.const(fuel));
    m.addGlobalExport(fuelGlobal, fuelGlobal);
    const charge = (weight: number, body: Ref) =>
      m.block(null, [
        m.global.set(fuelGlobal, m.i64.sub(m.global.get(fuelGlobal, b.i64), m.i64.const(BigInt(weight)))),
        m.if(m.i64.lt_s(m.global.get(fuelGlobal, b.i64), m.i64.const(0n)), m.unreachable()),
        body,
      ], b.auto);
    let functions = 0;
    let loopCount = 0;
    for (let i = 0; i < m.getNumFunctions(); i++) {
      const func = m.getFunctionByIndex(i);
      const info = b.getFunctionInfo(func);
      if (info.base !== '' || info.body === 0) continue;   // an import has no body
      const loops: Ref[] = [];
      const weight = weigh(b, info.body, loops);
      // Loops are found before any is rewritten, so the charges added are never counted themselves.
      for (let at = 0; at < loops.length; at++) {
        const loop = loops[at] as Ref;
        const loopBody = describe(b, loop)['body'] as Ref;
        const inner: Ref[] = [];
        const loopWeight = weigh(b, loopBody, inner);
        loops.push(...inner);
        b.Loop.setBody(loop, charge(loopWeight, loopBody));
        loopCount++;
      }
      b.Function.setBody(func, charge(weight, info.body));
      functions++;
    }
    const out = m.emitBinary();
    return { ok: true, bytes: new Uint8Array(out), fuelGlobal, fuel, functions, loops: loopCount };
  } catch (thrown) {
    return { ok: false, message: `binaryen could not meter the module: ${thrown instanceof Error ? thrown.message : String(thrown)}` };
  } finally {
    module?.dispose();
  }
}

/** Fuel an instance of a metered module has burnt, and whether it ran out. */
export function fuelUsed(instance: WebAssembly.Instance, metered: Extract<MeteredModule, { ok: true }>): { readonly used: bigint; readonly exhausted: boolean } {
  const global = instance.exports[metered.fuelGlobal];
  const left = global instanceof WebAssembly.Global ? (global.value as bigint) : metered.fuel;
  return left < 0n ? { used: metered.fuel, exhausted: true } : { used: metered.fuel - left, exhausted: false };
}

/** Refills an instance's fuel, so the next call is counted on its own. */
export function refuel(instance: WebAssembly.Instance, metered: Extract<MeteredModule, { ok: true }>): void {
  const global = instance.exports[metered.fuelGlobal];
  if (global instanceof WebAssembly.Global) global.value = metered.fuel;
}
