/**
 * Example inputs of seed 000 (the TinyGo hello-world README). Each hook takes several JSON
 * buffers: `ctx`, then the request, or the response and the error.
 */
import type { HookFixture } from '../profile.js';
import { REQUEST_BODY_B64 } from '../bifrost-v2/fixtures.js';

const ctx = { request_id: 'abc-123' };
const httpRequest = {
  method: 'POST',
  path: '/v1/chat/completions',
  headers: { 'Content-Type': 'application/json' },
  query: {},
  body: REQUEST_BODY_B64,
};
const bifrostRequest = { provider: 'openai', model: 'gpt-4', input: [{ role: 'user', content: 'Hello' }] };
const bifrostResponse = {
  chat_response: { id: 'chatcmpl-123', model: 'gpt-4', choices: [{ index: 0, message: { role: 'assistant', content: 'Hello!' } }] },
};

/** `http_transport_intercept(ctx, req)` inputs. */
export const HTTP_TRANSPORT_INTERCEPT_FIXTURES: readonly HookFixture[] = [
  { id: 'seed-example', specRef: 'seed 000 §HTTPTransportIntercept Input', inputs: [ctx, httpRequest] },
];

/** `pre_hook(ctx, req)` inputs. */
export const PRE_HOOK_FIXTURES: readonly HookFixture[] = [
  { id: 'seed-example', specRef: 'seed 000 §PreLLMHook Input', inputs: [ctx, bifrostRequest] },
];

/** `post_hook(ctx, resp, err)` inputs: the error is JSON `null` when there is none (seed 000). */
export const POST_HOOK_FIXTURES: readonly HookFixture[] = [
  { id: 'seed-example', specRef: 'seed 000 §PostLLMHook Input', inputs: [ctx, bifrostResponse, null] },
];
