#!/usr/bin/env node
// `npm test [-- --plugin x.wasm [--profile id] | --replay repro.json] [vitest options]`: builds plugcheck and the bundled
// plugins, then runs vitest. vitest rejects options it does not know, so plugcheck's own options are
// taken off here and handed to the suites through the environment.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const OWN = { '--plugin': 'PLUGCHECK_PLUGIN', '--profile': 'PLUGCHECK_PROFILE', '--timeout': 'PLUGCHECK_TIMEOUT', '--replay': 'PLUGCHECK_REPLAY' };

const rest = [];
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) {
  const arg = args[i];
  const [flag, inline] = arg.split(/=(.*)/s, 2);
  if (!(flag in OWN)) {
    rest.push(arg);
    continue;
  }
  const value = inline ?? args[++i];
  if (value === undefined || value.startsWith('--')) {
    process.stderr.write(`PLUGCHECK_USAGE: ${flag} needs a value\n  fix: npm test -- ${flag} <value>\n`);
    process.exit(2);
  }
  process.env[OWN[flag]] = flag === '--plugin' || flag === '--replay' ? resolve(process.env.INIT_CWD ?? process.cwd(), value) : value;
}

if (process.env.PLUGCHECK_SKIP_BUILD !== '1') {
  const run = (cmd, cmdArgs) => execFileSync(cmd, cmdArgs, { cwd: root, stdio: 'inherit' });
  run(process.execPath, [resolve(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json']);
  run(process.execPath, [resolve(root, 'scripts/build-plugins.mjs')]);
}

const { parseCLI, startVitest } = await import('vitest/node');
const { filter, options } = parseCLI(['vitest', ...rest]);
// With --plugin only the conformance suites run: they are what a plugin author asked for.
// With --replay only the replay suite runs: the bundle's call must now be answered correctly.
const filters = filter.length > 0 ? filter : process.env.PLUGCHECK_REPLAY !== undefined ? ['suites/replay'] : process.env.PLUGCHECK_PLUGIN !== undefined ? ['suites/conformance'] : filter;
process.chdir(root);
const vitest = await startVitest('test', filters, { ...options, run: true, watch: false });
await vitest?.close();
process.exit(process.exitCode ?? (vitest === undefined ? 1 : 0));
