import { describe, expect, it } from 'vitest';
import { CHECKS } from '../../src/checks/index.js';
import { globToRegExp, selectChecks } from '../../src/engine/select-checks.js';
import { PlugcheckError, UsageError } from '../../src/errors.js';

const ids = (profile: 'bifrost-v1' | 'bifrost-v2', only?: readonly string[]) => selectChecks(profile, only).map((c) => c.id);

function usageError(fn: () => unknown): UsageError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return error as UsageError;
  }
  throw new Error('expected a UsageError, nothing was thrown');
}

describe('globToRegExp', () => {
  it('matches an exact id and nothing longer or shorter', () => {
    const re = globToRegExp('abi.compiles');
    expect(re.test('abi.compiles')).toBe(true);
    expect(re.test('abi.compiles2')).toBe(false);
    expect(re.test('xabi.compiles')).toBe(false);
  });

  it('treats a dot as a literal dot', () => {
    expect(globToRegExp('abi.compiles').test('abiXcompiles')).toBe(false);
  });

  it('lets * match any run of characters, dots and nothing included', () => {
    const re = globToRegExp('lifecycle.*');
    expect(re.test('lifecycle.init')).toBe(true);
    expect(re.test('lifecycle.')).toBe(true);
    expect(re.test('lifecycle')).toBe(false);
    expect(globToRegExp('*').test('a.b.c')).toBe(true);
    expect(globToRegExp('*.init').test('lifecycle.init')).toBe(true);
  });

  it('escapes regular-expression characters', () => {
    expect(globToRegExp('a+b').test('a+b')).toBe(true);
    expect(globToRegExp('a+b').test('aab')).toBe(false);
    expect(globToRegExp('(x)').test('(x)')).toBe(true);
    expect(globToRegExp('a?').test('a')).toBe(false);
  });
});

describe('selectChecks', () => {
  it('returns every applicable check in registry order without globs', () => {
    expect(ids('bifrost-v2')).toEqual(CHECKS.filter((c) => c.appliesTo.includes('bifrost-v2')).map((c) => c.id));
    expect(ids('bifrost-v2', [])).toEqual(ids('bifrost-v2'));
  });

  it('narrows to a group with a glob', () => {
    const abi = ids('bifrost-v2', ['abi.*']);
    expect(abi.length).toBeGreaterThan(0);
    expect(abi.every((id) => id.startsWith('abi.'))).toBe(true);
    expect(abi).toEqual(ids('bifrost-v2').filter((id) => id.startsWith('abi.')));
  });

  it('selects one check by exact id', () => {
    expect(ids('bifrost-v2', ['abi.compiles'])).toEqual(['abi.compiles']);
  });

  it('keeps registry order and drops duplicates whatever the order of the globs', () => {
    const both = ids('bifrost-v2', ['lifecycle.cleanup', 'abi.compiles', 'abi.*']);
    const registry = ids('bifrost-v2');
    expect(both).toEqual(registry.filter((id) => id === 'lifecycle.cleanup' || id.startsWith('abi.')));
    expect(new Set(both).size).toBe(both.length);
  });

  it('throws a PLUGCHECK_USAGE error for a glob that matches nothing, listing the ids', () => {
    const error = usageError(() => selectChecks('bifrost-v2', ['nope.*']));
    expect(error).toBeInstanceOf(PlugcheckError);
    expect(error.code).toBe('PLUGCHECK_USAGE');
    expect(error.message).toContain('nope.*');
    expect(error.message).toContain('bifrost-v2');
    expect(error.received).toBe('nope.*');
    expect(error.expected).toContain('abi.compiles');
    expect(error.fix).toMatch(/\*/);
    expect(error.format()).toMatch(/^PLUGCHECK_USAGE: /);
  });

  it('throws even when another glob matches', () => {
    const error = usageError(() => selectChecks('bifrost-v2', ['abi.*', 'abi.compile']));
    expect(error.received).toBe('abi.compile');
  });

  it('does not treat a glob as a substring search', () => {
    usageError(() => selectChecks('bifrost-v1', ['compiles']));
  });
});

describe('selectChecks with --skip', () => {
  it('leaves out what the skip globs match, after only', () => {
    const all = ids('bifrost-v2');
    expect(selectChecks('bifrost-v2', [], ['fuzz.*']).map((c) => c.id)).toEqual(all.filter((id) => !id.startsWith('fuzz.')));
    expect(selectChecks('bifrost-v2', ['abi.*', 'lifecycle.*'], ['lifecycle.*', 'abi.compiles']).map((c) => c.id)).toEqual(all.filter((id) => id.startsWith('abi.') && id !== 'abi.compiles'));
  });

  it('rejects a skip glob that matches no check, naming --skip', () => {
    const error = usageError(() => selectChecks('bifrost-v2', [], ['fuz.*']));
    expect(error.message).toBe('--skip fuz.* matches no check of profile bifrost-v2');
    expect(error.fix).toContain('--skip "abi.*"');
  });
});
