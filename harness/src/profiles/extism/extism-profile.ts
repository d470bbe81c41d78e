/**
 * Profile `extism`: any Extism plugin, whatever application it was written for. It is identified
 * by its imports of the Extism kernel (`extism:host/env`); its entry points are its exports shaped
 * `() -> i32`. The application's own host functions (`extism:host/user`) are unknown to plugcheck:
 * each is accepted with the signature the plugin declares, stubbed (it returns zero) and reported.
 * With no inputs configured only what needs no input is checked: the kernel imports and their
 * signatures, instantiation and `_initialize`, and the shape of every export; the exports are
 * listed as not exercised, with the input each would need.
 *
 * The plugin runs on the real Extism JS runtime (@extism/extism 2.0.0-rc13). Extism hosts keep one
 * instance per plugin and reset only the kernel memory between calls (seed-systems §5.5); the
 * limits are plugcheck's (Extism sets none unless the manifest does).
 */
import type { ModuleInfo } from '../../wasm/index.js';
import type { OtherProfile } from '../profile.js';
import { WASI_PREVIEW1, WASI_PREVIEW1_IMPORTS } from '../wasi-preview1.js';
import { callableExports, ENTRY_SIGNATURE, guestModel, importsKernel } from './entry-exports.js';
import { EXTISM_USER, KERNEL_IMPORTS } from './kernel-imports.js';
import { sameSignature } from '../../wasm/index.js';

/** Where the Extism rules come from. */
export const EXTISM_SPEC = 'seed-systems §5.5 (Extism call semantics); extism-js-sdk.md';

/** How plugcheck hosts any Extism plugin: the kernel, WASI, one long-lived instance, its limits. */
export const EXTISM_HOST: Pick<OtherProfile, 'limits' | 'lifecycle'> = {
  limits: { callTimeoutMs: 5000, instantiateTimeoutMs: 10000 },
  lifecycle: 'reused',
};

/** The general Extism profile. */
export const extismProfile: OtherProfile = {
  id: 'extism',
  family: 'extism',
  title: 'Extism plugin (any application; kernel imports from extism:host/env)',
  seed: 'seed-systems §5 (Extism)',
  exports: [{ name: 'memory', role: 'memory', signatures: [], specRef: `${EXTISM_SPEC}: the kernel's WASI glue needs an exported memory` }],
  required: [],
  hostImports: [...KERNEL_IMPORTS, ...WASI_PREVIEW1_IMPORTS],
  applicationImportModules: [EXTISM_USER],
  ...EXTISM_HOST,
  detectDialect(module: ModuleInfo) {
    const wasi = module.imports.some((i) => i.module === WASI_PREVIEW1);
    return { guest: guestModel(module), wasi: wasi ? 'preview1' : 'none' };
  },
  entryPoints(module: ModuleInfo) {
    // Without a kernel import nothing says "Extism": a Bifrost `cleanup() -> i32` is no entry point.
    if (!importsKernel(module)) return [];
    return callableExports(module)
      .filter((e) => e.signature !== undefined && sameSignature(e.signature, ENTRY_SIGNATURE))
      .map((e) => e.name);
  },
};
