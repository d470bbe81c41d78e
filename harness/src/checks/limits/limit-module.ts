/**
 * The plugin as a limits check runs it: its memory maximum rewritten to the cap
 * (wasm/cap-memory.ts) and/or every function and loop metered against a fuel budget
 * (wasm/meter-instructions.ts). The rewrite happens on bytes so a family can prepare them first
 * (Extism: the return-code probe) and compile the result itself.
 */
import { capMemory } from '../../wasm/cap-memory.js';
import type { CappedModule } from '../../wasm/cap-memory.js';
import { meterInstructions } from '../../wasm/meter-instructions.js';
import type { MeteredModule } from '../../wasm/meter-instructions.js';
import type { ModuleInfo } from '../../wasm/index.js';

/** What to rewrite. */
export interface LimitRewrite {
  /** Cap the memory at this many pages. */
  readonly capPages?: number | undefined;
  /** Meter against this budget. */
  readonly fuel?: bigint | undefined;
}

/** The rewritten bytes with what each rewrite found, or why the module cannot be rewritten. */
export type LimitModule =
  | {
      readonly ok: true;
      readonly bytes: Uint8Array<ArrayBuffer>;
      readonly capped: Extract<CappedModule, { ok: true }> | undefined;
      readonly metered: Extract<MeteredModule, { ok: true }> | undefined;
    }
  | { readonly ok: false; readonly rewrite: 'cap' | 'meter'; readonly message: string; readonly reason?: string };

/** Rewrites `bytes` (whose memories and exports `info` describes) as asked: cap first, then meter. */
export async function limitModule(bytes: Uint8Array, info: ModuleInfo, rewrite: LimitRewrite, exportNames: readonly string[] = info.exports.map((e) => e.name)): Promise<LimitModule> {
  let out = new Uint8Array(bytes);
  let capped: Extract<CappedModule, { ok: true }> | undefined;
  if (rewrite.capPages !== undefined) {
    const result = capMemory(out, info, rewrite.capPages);
    if (!result.ok) return { ok: false, rewrite: 'cap', message: result.message, reason: result.reason };
    capped = result;
    out = result.bytes;
  }
  let metered: Extract<MeteredModule, { ok: true }> | undefined;
  if (rewrite.fuel !== undefined) {
    const result = await meterInstructions(out, exportNames, rewrite.fuel);
    if (!result.ok) return { ok: false, rewrite: 'meter', message: result.message };
    metered = result;
    out = result.bytes;
  }
  return { ok: true, bytes: out, capped, metered };
}
