/**
 * Runs one fast-check property and turns its verdict into data: held, or falsified with the
 * shrunk counterexample, the seed and the shrink path that reproduce it. An exception from the
 * predicate is a plugcheck bug and is rethrown, never reported as the plugin's failure.
 */
import fc from 'fast-check';
import type { Arbitrary, RunDetails } from 'fast-check';
import type { FuzzSettings } from './fuzz-settings.js';
import { fuzzRandom } from './fuzz-random.js';

/** The outcome of a property. */
export type PropertyRun<T> =
  | { readonly kind: 'held'; readonly runs: number; readonly interrupted: boolean }
  | {
      readonly kind: 'falsified';
      /** The minimal failing case after shrinking. */
      readonly counterexample: T;
      readonly seed: number;
      /** fast-check's path to the counterexample (`fc.assert(…, { seed, path })` replays it). */
      readonly path: string;
      /** Cases run before the first failure. */
      readonly runs: number;
      readonly shrinks: number;
    };

function outcome<T>(details: RunDetails<[T]>): PropertyRun<T> {
  if (!details.failed || details.counterexample === null) return { kind: 'held', runs: details.numRuns, interrupted: details.interrupted };
  return { kind: 'falsified', counterexample: details.counterexample[0], seed: details.seed, path: details.counterexamplePath ?? '', runs: details.numRuns, shrinks: details.numShrinks };
}

const parameters = (settings: FuzzSettings) => ({
  seed: settings.seed,
  numRuns: settings.runs,
  interruptAfterTimeLimit: settings.timeMs,
  markInterruptAsFailure: false,
  randomType: fuzzRandom,
  ...(settings.path === undefined ? {} : { path: settings.path }),
});

/** Checks `holds` over `arbitrary`; `holds` returns false for a plugin failure. */
export function runProperty<T>(arbitrary: Arbitrary<T>, holds: (value: T) => boolean, settings: FuzzSettings): PropertyRun<T> {
  let bug: unknown;
  const property = fc.property(arbitrary, (value) => {
    try {
      return holds(value);
    } catch (thrown) {
      bug ??= thrown;
      throw thrown;
    }
  });
  const details = fc.check(property, parameters(settings));
  if (bug !== undefined) throw bug;
  return outcome<T>(details);
}

/** {@link runProperty} for a check whose calls are asynchronous (the Extism runtime). */
export async function runPropertyAsync<T>(arbitrary: Arbitrary<T>, holds: (value: T) => Promise<boolean>, settings: FuzzSettings): Promise<PropertyRun<T>> {
  let bug: unknown;
  const property = fc.asyncProperty(arbitrary, async (value) => {
    try {
      return await holds(value);
    } catch (thrown) {
      bug ??= thrown;
      throw thrown;
    }
  });
  const details = await fc.check(property, parameters(settings));
  if (bug !== undefined) throw bug;
  return outcome<T>(details);
}
