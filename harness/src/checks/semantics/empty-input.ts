/**
 * `semantics.empty-input`: empty input, passed as `(0, 0)`, is answered with an error in the
 * envelope — not a trap, not packed 0, not a success.
 */
import { defineProbeCheck } from './define-probe-check.js';

export default defineProbeCheck({
  id: 'semantics.empty-input',
  title: 'Empty input (0, 0) gets an error in the envelope, not a trap',
  probe: 'empty-input',
});
