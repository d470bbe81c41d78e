/**
 * Messages and titles mark code the Markdown way, with backticks (`` `init` returned 0 ``); on the
 * page those spans become `<code>`. Each piece is escaped text either way, so this adds no way in
 * for markup; text with an odd number of backticks is left as it is.
 */
import { html } from './safe-html.js';
import type { SafeHtml } from './safe-html.js';

/** Text with its backtick spans set as code. */
export function inlineCode(text: string): SafeHtml {
  const parts = text.split('`');
  if (parts.length < 3 || parts.length % 2 === 0) return html`${text}`;
  return html`${parts.map((part, i) => (i % 2 === 1 && part !== '' ? html`<code>${part}</code>` : part))}`;
}
