/**
 * One hook document's schema (a hook's input or output) and the dialects it distinguishes.
 *
 * Where the seed and the real host disagree on a shape, the schema file holds one definition per
 * dialect under `$defs/<dialect>` and its root is `anyOf` of `$ref`s to them, so the file as a
 * whole accepts every dialect while plugcheck validates against the one a call uses.
 */
import type { ValidateFunction } from 'ajv/dist/2020.js';
import type { SchemaDirection } from './hook-schema-path.js';
import { toViolations } from './schema-violation.js';
import type { SchemaLocator, SchemaViolation } from './schema-violation.js';

/** A document checked against a hook schema: the dialects it fits, or why it fits none of those asked for. */
export type SchemaVerdict =
  | { readonly ok: true; readonly dialect: string | undefined }
  | {
      readonly ok: false;
      /** The dialect the violations are reported against (the first one asked for). */
      readonly dialect: string | undefined;
      readonly violations: readonly SchemaViolation[];
      /** Other dialects of the schema the document does fit (it answered in the wrong shape). */
      readonly fitsDialects: readonly string[];
    };

/** The validators of one hook schema file. */
export class HookSchema {
  readonly id: string;
  /** Path under `schemas/`. */
  readonly file: string;
  readonly profile: string;
  readonly hook: string;
  readonly direction: SchemaDirection;
  readonly description: string;
  /** Dialect names, in the order of the root `anyOf`; empty when the shape is the same in every dialect. */
  readonly dialects: readonly string[];
  readonly #root: ValidateFunction;
  readonly #byDialect: ReadonlyMap<string, ValidateFunction>;
  readonly #locate: SchemaLocator;

  constructor(init: {
    id: string;
    file: string;
    profile: string;
    hook: string;
    direction: SchemaDirection;
    description: string;
    root: ValidateFunction;
    byDialect: ReadonlyMap<string, ValidateFunction>;
    locate: SchemaLocator;
  }) {
    this.id = init.id;
    this.file = init.file;
    this.profile = init.profile;
    this.hook = init.hook;
    this.direction = init.direction;
    this.description = init.description;
    this.#root = init.root;
    this.#byDialect = init.byDialect;
    this.#locate = init.locate;
    this.dialects = [...init.byDialect.keys()];
  }

  /** The dialects `document` fits; `[undefined]` for a valid document of a schema without dialects, `[]` when it fits none. */
  fits(document: unknown): (string | undefined)[] {
    if (this.dialects.length === 0) return this.#root(document) ? [undefined] : [];
    return this.dialects.filter((d) => this.#byDialect.get(d)?.(document) === true);
  }

  /**
   * Checks `document` against the dialects in `accept` (all of the schema's when absent or empty):
   * it passes when it fits one of them. An unknown dialect name is a plugcheck bug and throws.
   */
  check(document: unknown, accept: readonly (string | undefined)[] = []): SchemaVerdict {
    // The fuzz path's case, once per generated value and answer: one known dialect that the
    // document fits, told without building lists or closures. Anything else takes the full path.
    if (accept.length === 1) {
      const only = accept[0];
      const validate = only === undefined ? undefined : this.#byDialect.get(only);
      if (validate !== undefined && validate(document)) return this.#fitsVerdict(only as string);
    }
    const wanted = accept.filter((d): d is string => d !== undefined);
    if (this.dialects.length === 0 || wanted.length === 0) {
      return this.#checkWith(this.#root, '', document, undefined, []);
    }
    for (const d of wanted) {
      if (!this.#byDialect.has(d)) throw new Error(`${this.file} has no dialect "${d}" (it has ${this.dialects.join(', ')})`);
    }
    const hit = wanted.find((d) => this.#byDialect.get(d)?.(document) === true);
    if (hit !== undefined) return { ok: true, dialect: hit };
    const primary = wanted[0] ?? this.dialects[0] ?? '';
    const others = this.dialects.filter((d) => !wanted.includes(d) && this.#byDialect.get(d)?.(document) === true);
    return this.#checkWith(this.#byDialect.get(primary) ?? this.#root, `/$defs/${primary}`, document, primary, others);
  }

  // One shared verdict per dialect: a passing verdict carries nothing but the dialect's name.
  readonly #fitsVerdicts = new Map<string, SchemaVerdict>();

  #fitsVerdict(dialect: string): SchemaVerdict {
    let verdict = this.#fitsVerdicts.get(dialect);
    if (verdict === undefined) {
      verdict = Object.freeze({ ok: true, dialect });
      this.#fitsVerdicts.set(dialect, verdict);
    }
    return verdict;
  }

  #checkWith(validate: ValidateFunction, pointer: string, document: unknown, dialect: string | undefined, others: readonly string[]): SchemaVerdict {
    if (validate(document)) return { ok: true, dialect };
    return { ok: false, dialect, violations: toViolations(validate.errors ?? [], document, this.#locate, `${this.id}#${pointer}`), fitsDialects: others };
  }
}
