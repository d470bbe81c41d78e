/**
 * `semantics.wrong-typed-input`: an input whose `context` has the wrong type is answered with an
 * error in the envelope, as Go's JSON decoding would reject it.
 */
import { defineProbeCheck } from './define-probe-check.js';

export default defineProbeCheck({
  id: 'semantics.wrong-typed-input',
  title: 'Input fields of the wrong type get a structured error',
  probe: 'wrong-typed-context',
});
