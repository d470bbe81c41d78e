/**
 * `npm run bench [-- id…]`: runs every benchmark, or those named.
 */
import { BENCHES } from './benches.js';

const wanted = process.argv.slice(2);
const unknown = wanted.filter((id) => !BENCHES.some((b) => b.id === id));
if (unknown.length > 0) {
  process.stderr.write(`PLUGCHECK_USAGE: unknown benchmark ${unknown.join(', ')}\n  expected: ${BENCHES.map((b) => b.id).join(', ')}\n`);
  process.exit(2);
}
for (const bench of BENCHES) {
  if (wanted.length === 0 || wanted.includes(bench.id)) await bench.run();
}
