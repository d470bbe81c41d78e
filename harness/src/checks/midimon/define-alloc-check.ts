/**
 * The shape of the midimon `alloc.*` checks: probe `alloc(len)` once per request size, each in a
 * fresh instance as the host calls it, and judge every block returned. A trap in `alloc` fails
 * every such check: the host cannot write the request at all.
 */
import { describeMidimonFailure } from '../../profiles/midimon/describe-midimon-call.js';
import type { AllocCall } from '../../profiles/midimon/midimon-caller.js';
import { allocProbes } from '../../profiles/midimon/midimon-session.js';
import { fail, pass } from '../../report/check-result.js';
import type { CheckDefinition } from '../check-definition.js';
import { defineCheck } from '../check-definition.js';

/** A block `alloc` returned. */
export type AllocBlock = Extract<AllocCall, { kind: 'block' }>;

/** Defines an `alloc.*` check from its verdict on one block. */
export function defineAllocCheck(definition: {
  readonly id: string;
  readonly title: string;
  readonly specRef: string;
  /** What is wrong with the block, or undefined when it is fine. */
  readonly judge: (block: AllocBlock) => string | undefined;
  /** What the real host does with such a block (appended to the failure message). */
  readonly consequence: string;
  readonly fix: string;
  readonly passed: string;
}): CheckDefinition {
  const { judge, consequence, fix, passed, ...described } = definition;
  return defineCheck({
    ...described,
    appliesTo: ['midimon'],
    dependsOn: ['lifecycle.instantiate'],
    run(ctx) {
      const probes = allocProbes(ctx);
      const problems = probes
        .map((probe) => (probe.kind === 'block' ? judge(probe) : describeMidimonFailure(probe, '`alloc`')))
        .filter((p): p is string => p !== undefined);
      const evidence = probes.map((p) =>
        p.kind === 'block' ? { requested: p.requested, ptr: p.ptr, end: p.ptr + p.requested, memoryBytes: p.memoryBytes } : { outcome: p.kind, step: p.step, ...(p.kind === 'trap' ? { trap: p.trap } : { fault: p.fault }) },
      );
      if (problems.length > 0) return fail(`${problems.join('; ')}. ${consequence}`, { probes: evidence, fix });
      return pass(`${probes.length} \`alloc\` calls (${probes.map((p) => (p.kind === 'block' ? p.requested : 0)).join(', ')} bytes) ${passed}`, { probes: evidence });
    },
  });
}
