/**
 * The shape of the checks that judge the data-source run as a whole (every call, every host call):
 * they apply to `extism-datasource` and run after the lifecycle checks that make those calls, so a
 * plugin that cannot get through the flow is reported there once, not again here.
 */
import type { CheckDefinition } from '../check-definition.js';
import { defineCheck } from '../check-definition.js';

/** Defines a check over the whole data-source run. */
export function defineRunCheck(definition: Omit<CheckDefinition, 'appliesTo' | 'dependsOn'>): CheckDefinition {
  return defineCheck({
    ...definition,
    appliesTo: ['extism-datasource'],
    dependsOn: ['lifecycle.metadata', 'lifecycle.configure', 'lifecycle.commands'],
  });
}
