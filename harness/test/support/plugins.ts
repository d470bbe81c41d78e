/**
 * Test helpers for running plugins in the reference host without a worker: load a bundled plugin
 * from `plugins-under-test/`, instantiate a compiled module (failing the test loudly when a module
 * that should instantiate does not), and build the `CheckContext` checks run with.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundledPluginsDir } from '../../src/config/bundled-plugins.js';
import { CheckContext } from '../../src/engine/check-context.js';
import type { Heartbeat } from '../../src/host/heartbeat.js';
import { PluginInstance } from '../../src/host/plugin-instance.js';
import { bifrostV2 } from '../../src/profiles/bifrost-v2/index.js';
import type { Profile } from '../../src/profiles/profile.js';
import { inspectModule } from '../../src/wasm/index.js';
import type { CompiledWat } from './wat.js';

/** Path of a bundled plugin's `.wasm` (built by `npm run build`). */
export function bundledWasmPath(name: string): string {
  return join(bundledPluginsDir(), `${name}.wasm`);
}

/** Reads a bundled plugin; throws a readable error when it has not been built. */
export function loadBundled(name: string): CompiledWat {
  const path = bundledWasmPath(name);
  if (!existsSync(path)) throw new Error(`${path} does not exist; run \`npm run build\` first`);
  const bytes = new Uint8Array(readFileSync(path));
  return { bytes, module: new WebAssembly.Module(bytes), info: inspectModule(bytes) };
}

/** Options for {@link instantiateOk}. */
export interface TestInstantiateOptions {
  readonly profile?: Profile;
  readonly seed?: number;
  readonly heartbeat?: Heartbeat;
  readonly callTimeoutMs?: number;
}

/** Instantiates a module that must instantiate; a trap fails the test with its message. */
export function instantiateOk(compiled: CompiledWat, options: TestInstantiateOptions = {}): PluginInstance {
  const created = PluginInstance.instantiate(compiled.module, compiled.info, {
    profile: options.profile ?? bifrostV2,
    seed: options.seed ?? 1,
    heartbeat: options.heartbeat,
    ...(options.callTimeoutMs === undefined ? {} : { callTimeoutMs: options.callTimeoutMs }),
  });
  if (!created.ok) throw new Error(`instantiation failed (${created.trap.kind}): ${created.trap.message}`);
  return created.value;
}

/** A check context over a bundled plugin or compiled WAT, with the profile's detected dialect. */
export function contextFor(
  compiled: CompiledWat,
  options: { profile?: Profile; seed?: number; heartbeat?: Heartbeat } = {},
): CheckContext {
  const profile = options.profile ?? bifrostV2;
  return new CheckContext({
    bytes: compiled.bytes,
    module: compiled.info,
    profile,
    dialect: profile.detectDialect(compiled.info),
    options: { seed: options.seed ?? 1 },
    heartbeat: options.heartbeat,
  });
}
