/**
 * Where a Bifrost hook reports its own failure, and what counts as a BifrostError that carries one.
 */
import { describe, expect, it } from 'vitest';
import { bifrostErrorMessage, failureField, reportedFailure } from '../../../src/checks/semantics/failure-channel.js';

describe('failure channel', () => {
  it('is hook_error for bifrost-v2 post_hook and error everywhere else', () => {
    expect(failureField('bifrost-v2', 'post_hook')).toBe('hook_error');
    expect(failureField('bifrost-v2', 'pre_hook')).toBe('error');
    expect(failureField('bifrost-v1', 'post_hook')).toBe('error');
  });
  it('treats the seed\'s {} and Go\'s empty BifrostError as no error', () => {
    expect(bifrostErrorMessage({})).toBeUndefined();
    expect(bifrostErrorMessage(null)).toBeUndefined();
    expect(bifrostErrorMessage({ is_bifrost_error: false, error: null, extra_fields: {} })).toBeUndefined();
    expect(bifrostErrorMessage({ error: { message: 'rate limited' } })).toBe('rate limited');
    expect(bifrostErrorMessage({ status_code: 429 })).toBe('status 429');
  });
  it('finds a post_hook failure in hook_error, or as a BifrostError in error', () => {
    expect(reportedFailure('bifrost-v2', 'post_hook', { hook_error: 'bad input', error: null })).toEqual({ field: 'hook_error', message: 'bad input' });
    expect(reportedFailure('bifrost-v2', 'post_hook', { hook_error: '', error: { error: { message: 'x' } } })).toEqual({ field: 'error', message: 'x' });
    expect(reportedFailure('bifrost-v2', 'pre_hook', { error: '' })).toBeUndefined();
  });
});
