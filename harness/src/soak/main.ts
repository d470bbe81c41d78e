/**
 * `npm run soak [-- --calls N]`: runs the soak and prints its counts; exits 1 when a harness crash
 * or a lost result was seen.
 */
import { runSoak } from './run-soak.js';

const at = process.argv.indexOf('--calls');
const calls = at > 0 ? Number(process.argv[at + 1]) : 1_000_000;
if (!Number.isInteger(calls) || calls < 1) {
  process.stderr.write('PLUGCHECK_USAGE: --calls needs a positive integer\n  fix: npm run soak -- --calls 100000\n');
  process.exit(2);
}
const report = await runSoak({ calls, bin: true });
process.stdout.write(
  `soak: ${report.calls.toLocaleString('en-US')} calls (${report.hostileCalls.toLocaleString('en-US')} to hostile modules) + ${report.hostileRuns} plugcheck runs of never-returning modules\n` +
    `  harness crashes: ${report.harnessCrashes}\n  lost results: ${report.lostResults}\n  calls per second: ${report.callsPerSecond.toLocaleString('en-US')}\n` +
    report.problems.map((p) => `  - ${p}\n`).join(''),
);
process.exitCode = report.harnessCrashes === 0 && report.lostResults === 0 ? 0 : 1;
