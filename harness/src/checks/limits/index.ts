/**
 * The limits checks, in run order; spread into the registry by checks/index.ts after the families'
 * lifecycle checks, which some of them wait for. Each check is defined once per family of hosts
 * (limit-families.ts): the same rule, the host's own figures and calls.
 */
import type { CheckDefinition } from '../check-definition.js';
import { fuelCheck } from './fuel.js';
import { LIMIT_FAMILIES } from './limit-families.js';
import { memoryCapCheck } from './memory-cap.js';
import { timeCheck } from './time.js';

/** The limits checks: the real hosts' memory cap, fuel and call time, per family. */
export const LIMITS_CHECKS: readonly CheckDefinition[] = LIMIT_FAMILIES.flatMap((family) => [
  memoryCapCheck(family),
  fuelCheck(family),
  ...(family.timesCalls === false ? [] : [timeCheck(family)]),
]);
