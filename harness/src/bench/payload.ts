/**
 * Benchmark payloads: a `pre_hook` input of seed 001's shape, grown to an exact JSON size by
 * adding chat messages, so sizes are comparable across runs and plugins.
 */

/** A seed-001 `pre_hook` input whose `JSON.stringify` is exactly `bytes` long (for bytes ≥ 200). */
export function preHookInput(bytes: number): unknown {
  const base = (messages: { role: string; content: string }[]) => ({
    context: { request_id: 'bench-0001' },
    request: { provider: 'openai', model: 'gpt-4', input: messages, params: { temperature: 0.7 } },
  });
  const messages = [{ role: 'user', content: '' }];
  const size = () => Buffer.byteLength(JSON.stringify(base(messages)));
  const first = messages[0] as { role: string; content: string };
  while (size() < bytes) {
    const missing = bytes - size();
    if (first.content.length < 512 || missing < 64) first.content += 'x'.repeat(Math.min(missing, 512 - first.content.length || missing));
    else messages.push({ role: 'assistant', content: '' });
  }
  return base(messages);
}
