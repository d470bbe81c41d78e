/**
 * Example inputs of seed 001 (`writing-wasm-plugin`), verbatim where the seed gives them, with the
 * `<base64-encoded>` placeholders replaced by real base64 (Go encodes `[]byte` as base64).
 * The Go-default `pre_hook` shape and the `request-id` context key come from seed-systems §1.5–1.6:
 * where the seed and the real Bifrost types disagree, both shapes are fixtures.
 */
import type { HookFixture } from '../profile.js';

const REF = 'seed 001';
/** base64 of `{"model":"gpt-4","messages":[{"role":"user","content":"Hello"}]}`. */
export const REQUEST_BODY_B64 = Buffer.from('{"model":"gpt-4","messages":[{"role":"user","content":"Hello"}]}').toString('base64');
/** base64 of a short chat completion response body. */
export const RESPONSE_BODY_B64 = Buffer.from('{"id":"chatcmpl-123","choices":[]}').toString('base64');

const httpRequest = {
  method: 'POST',
  path: '/v1/chat/completions',
  headers: { 'content-type': 'application/json' },
  query: {},
  body: REQUEST_BODY_B64,
};

const chunk = {
  id: 'chatcmpl-xxx',
  object: 'chat.completion.chunk',
  created: 1234567890,
  model: 'gpt-4',
  choices: [{ index: 0, delta: { content: 'Hello' }, finish_reason: null }],
};

const chatResponse = {
  id: 'chatcmpl-123',
  model: 'gpt-4',
  choices: [{ index: 0, message: { role: 'assistant', content: 'Hello!' } }],
  usage: { prompt_tokens: 5, completion_tokens: 10, total_tokens: 15 },
};

/** `http_pre_hook` (and legacy `http_intercept`) inputs. */
export const HTTP_PRE_HOOK_FIXTURES: readonly HookFixture[] = [
  { id: 'seed-example', specRef: `${REF} §http_pre_hook Input`, inputs: [{ context: { request_id: 'abc-123' }, request: httpRequest }] },
  {
    id: 'bifrost-context-key',
    specRef: 'seed-systems §1.5 (real context key `request-id`, nil maps as null)',
    inputs: [{ context: { 'request-id': 'abc-123' }, request: { ...httpRequest, query: null, path_params: null } }],
  },
];

/** `http_post_hook` inputs. */
export const HTTP_POST_HOOK_FIXTURES: readonly HookFixture[] = [
  {
    id: 'seed-example',
    specRef: `${REF} §http_post_hook Input`,
    inputs: [{
      context: { request_id: 'abc-123', custom_key: 'value' },
      request: httpRequest,
      response: { status_code: 200, headers: { 'content-type': 'application/json' }, body: RESPONSE_BODY_B64 },
    }],
  },
];

/** `http_stream_chunk_hook` inputs. */
export const HTTP_STREAM_CHUNK_HOOK_FIXTURES: readonly HookFixture[] = [
  {
    id: 'seed-example',
    specRef: `${REF} §http_stream_chunk_hook Input`,
    inputs: [{ context: { request_id: 'abc-123', custom_key: 'value' }, request: httpRequest, chunk }],
  },
];

/** `pre_hook` inputs: the seed's flat shape and Go's default encoding of `BifrostRequest`. */
export const PRE_HOOK_FIXTURES: readonly HookFixture[] = [
  {
    id: 'seed-example',
    specRef: `${REF} §pre_hook Input`,
    inputs: [{
      context: { request_id: 'abc-123' },
      request: { provider: 'openai', model: 'gpt-4', input: [{ role: 'user', content: 'Hello' }], params: { temperature: 0.7 } },
    }],
  },
  {
    id: 'go-default-shape',
    specRef: 'seed-systems §1.6 shape 1 (BifrostRequest has no json tags)',
    inputs: [{
      context: { 'request-id': 'abc-123' },
      request: {
        RequestType: 'chat_completion',
        ChatRequest: { provider: 'openai', model: 'gpt-4', input: [{ role: 'user', content: 'Hello' }], params: { temperature: 0.7 } },
        TextCompletionRequest: null,
      },
    }],
  },
];

/** `post_hook` inputs. */
export const POST_HOOK_FIXTURES: readonly HookFixture[] = [
  {
    id: 'seed-example',
    specRef: `${REF} §post_hook Input`,
    inputs: [{ context: { request_id: 'abc-123' }, response: { chat_response: chatResponse }, error: {}, has_error: false }],
  },
];

/** The `config` object of the seed's `config.json` example, passed to `init`. */
export const INIT_CONFIG = { custom_option: 'value' };
