#!/usr/bin/env node
// Builds the plugins under test: plugins-under-test/src/<name>.wat and plugins-under-test/src/<name>/index.ts
// become plugins-under-test/<name>.wasm.
//
//   node scripts/build-plugins.mjs [--force]
//
// - WAT goes through npm wabt with bulk memory, mutable globals, sign extension and multi-value, and is
//   validated, except when the source's first line contains `;; plugcheck: no-validate` (a deliberately
//   invalid plugin).
// - An AssemblyScript directory is built with the asc JS API unless it has a build.sh (those plugins are
//   built and committed by other means). asc also honours an asconfig.json in the plugin's directory.
// - A plugin whose .wasm is newer than all its sources (and this script) is skipped; --force rebuilds all.
// Works from any cwd. Prints one line per plugin built; exits 1 with a message on any failure.
import { readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const SCRIPT = fileURLToPath(import.meta.url);
const ROOT = dirname(dirname(SCRIPT));
const PUT = join(ROOT, 'plugins-under-test');
const SRC = join(PUT, 'src');
// The hostile corpus (issue 8): hostile/src/<name>.wat becomes hostile/<name>.wasm.
const HOSTILE = join(PUT, 'hostile');

const WAT_FEATURES = { bulk_memory: true, mutable_globals: true, sign_extension: true, multi_value: true };
const NO_VALIDATE = ';; plugcheck: no-validate';
// incremental runtime: heap.free really frees (TLSF), so long-lived instances do not grow.
// --use abort= drops the env.abort import: the module imports nothing.
const ASC_FLAGS = ['-O3', '--runtime', 'incremental', '--use', 'abort=', '--noColors'];

const args = process.argv.slice(2);
for (const a of args) {
  if (a !== '--force') fail(`unknown argument ${a} (usage: node scripts/build-plugins.mjs [--force])`);
}
const force = args.includes('--force');

function fail(message) {
  process.stderr.write(`build-plugins: ${message}\n`);
  process.exit(1);
}

const rel = (p) => relative(ROOT, p);

async function mtime(path) {
  try {
    return (await stat(path)).mtimeMs;
  } catch (e) {
    if (e.code === 'ENOENT') return undefined;
    throw e;
  }
}

/** Every file under dir, recursively (skipping build/ and node_modules/). */
async function filesUnder(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'build' && entry.name !== 'node_modules') out.push(...(await filesUnder(p)));
    } else {
      out.push(p);
    }
  }
  return out;
}

async function upToDate(output, sources) {
  if (force) return false;
  const built = await mtime(output);
  if (built === undefined) return false;
  for (const s of [...sources, SCRIPT]) {
    if ((await mtime(s)) >= built) return false;
  }
  return true;
}

/** Writes through a temporary file so a failed build never leaves a half-written .wasm behind. */
async function writeAtomically(path, bytes) {
  const tmp = `${path}.tmp-${process.pid}`;
  await writeFile(tmp, bytes);
  await rename(tmp, path);
}

let wabt;
async function buildWat(src, out) {
  wabt ??= await (await import('wabt')).default();
  const text = await readFile(src, 'utf8');
  const validate = !text.split('\n', 1)[0].includes(NO_VALIDATE);
  let mod;
  try {
    mod = wabt.parseWat(basename(src), text, WAT_FEATURES);
    mod.resolveNames();
    if (validate) mod.validate();
    const { buffer } = mod.toBinary({ log: false, write_debug_names: true });
    await writeAtomically(out, buffer);
    return { bytes: buffer.length, note: validate ? '' : ' (not validated: plugcheck: no-validate)' };
  } catch (e) {
    throw new Error(`${rel(src)}: ${e instanceof Error ? e.message : String(e)}`);
  } finally {
    mod?.destroy();
  }
}

let asc;
async function buildAs(dir, out) {
  asc ??= (await import('assemblyscript/asc')).default;
  const tmp = `${out}.tmp-${process.pid}`;
  const output = [];
  const sink = { write: (chunk) => { output.push(String(chunk)); return true; } };
  try {
    // baseDir = the plugin's directory, so an asconfig.json in the cwd is never picked up by accident.
    const { error } = await asc.main(
      [join(dir, 'index.ts'), '--baseDir', dir, '-o', tmp, ...ASC_FLAGS],
      { stdout: sink, stderr: sink },
    );
    if (error) {
      throw new Error(`${rel(dir)}/index.ts: asc failed: ${error.message}\n${output.join('').trimEnd()}`);
    }
    const bytes = await readFile(tmp);
    if (!WebAssembly.validate(bytes)) throw new Error(`${rel(dir)}/index.ts: asc produced an invalid module`);
    await rename(tmp, out);
    return { bytes: bytes.length, note: '' };
  } finally {
    await rm(tmp, { force: true });
  }
}

async function main() {
  let entries;
  try {
    entries = await readdir(SRC, { withFileTypes: true });
  } catch (e) {
    fail(`cannot read ${rel(SRC)}: ${e.message}`);
  }
  const jobs = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const p = join(SRC, entry.name);
    if (entry.isFile() && entry.name.endsWith('.wat')) {
      const name = entry.name.slice(0, -'.wat'.length);
      jobs.push({ name, kind: 'wat', sources: [p], build: (out) => buildWat(p, out) });
    } else if (entry.isDirectory()) {
      const files = await filesUnder(p);
      if (!files.includes(join(p, 'index.ts'))) continue;
      if (files.includes(join(p, 'build.sh'))) continue;   // built and committed by its own script
      jobs.push({ name: entry.name, kind: 'as', sources: files, build: (out) => buildAs(p, out) });
    }
  }

  for (const entry of (await readdir(join(HOSTILE, 'src'))).sort()) {
    if (!entry.endsWith('.wat')) continue;
    const p = join(HOSTILE, 'src', entry);
    const name = entry.slice(0, -'.wat'.length);
    jobs.push({ name, kind: 'wat', out: join(HOSTILE, `${name}.wasm`), sources: [p], build: (out) => buildWat(p, out) });
  }

  let built = 0;
  let skipped = 0;
  const failures = [];
  for (const job of jobs) {
    const out = job.out ?? join(PUT, `${job.name}.wasm`);
    if (await upToDate(out, job.sources)) {
      skipped++;
      continue;
    }
    const started = performance.now();
    try {
      const { bytes, note } = await job.build(out);
      const ms = Math.round(performance.now() - started);
      process.stdout.write(`built ${rel(out)} (${job.kind}, ${bytes} bytes, ${ms} ms)${note}\n`);
      built++;
    } catch (e) {
      failures.push(e instanceof Error ? e.message : String(e));
    }
  }
  if (failures.length) {
    fail(`${failures.length} plugin(s) failed to build:\n${failures.map((f) => `  - ${f}`).join('\n')}`);
  }
  if (built === 0) process.stdout.write(`build-plugins: all ${skipped} plugin(s) up to date\n`);
}

await main();
