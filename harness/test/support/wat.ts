/**
 * Test helpers: compile WAT text to a module binary with npm `wabt` (the same features the bundled
 * plugins are built with), and turn it into what the host needs: bytes, a compiled module and the
 * inspector's `ModuleInfo`.
 */
import wabtInit from 'wabt';
import { inspectModule } from '../../src/wasm/index.js';
import type { ModuleInfo } from '../../src/wasm/index.js';

const wabt = await wabtInit();

const FEATURES = { bulk_memory: true, mutable_globals: true, sign_extension: true, multi_value: true } as const;

/** Compiles and validates WAT text; throws with wabt's message when the text is wrong. */
export function wat(source: string): Uint8Array<ArrayBuffer> {
  const module = wabt.parseWat('test.wat', source, FEATURES);
  try {
    module.validate();
    const { buffer } = module.toBinary({});
    return new Uint8Array(buffer);
  } finally {
    module.destroy();
  }
}

/** A WAT module compiled three ways: bytes, engine module, inspected info. */
export interface CompiledWat {
  readonly bytes: Uint8Array<ArrayBuffer>;
  readonly module: WebAssembly.Module;
  readonly info: ModuleInfo;
}

/** Compiles WAT text into bytes, a `WebAssembly.Module` and its `ModuleInfo`. */
export function compileWat(source: string): CompiledWat {
  const bytes = wat(source);
  return { bytes, module: new WebAssembly.Module(bytes), info: inspectModule(bytes) };
}
