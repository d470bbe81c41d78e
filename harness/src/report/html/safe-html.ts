/**
 * HTML built so that text is escaped unless it was built as HTML: the `html` template tag escapes
 * every interpolated value that is not already {@link SafeHtml}. Plugin-provided text (names,
 * outputs, messages, evidence) therefore cannot reach the page as markup by accident; the only
 * way in unescaped is {@link trustedHtml}, used for markup plugcheck itself generates (charts).
 */

/** A fragment of markup that is safe to place in a page as is. */
export class SafeHtml {
  /** The markup. */
  readonly value: string;
  constructor(value: string) {
    this.value = value;
  }
  /** The markup, so a fragment can be joined or written. */
  toString(): string {
    return this.value;
  }
}

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

/**
 * Escapes text for an HTML text node or a quoted attribute value. Quotes are escaped too, so the
 * same function serves both. C0 controls other than tab and newlines become their Control Pictures
 * symbol (NUL → ␀), so a NUL byte in a plugin's output stays visible instead of vanishing in the parser.
 */
export function escapeHtml(text: string): string {
  return text
    .replace(/[&<>"'`]/g, (c) => ENTITIES[c] ?? c)
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, (c) => String.fromCharCode(c === '\u007f' ? 0x2421 : 0x2400 + c.charCodeAt(0)));
}

/** What the `html` tag accepts in a `${}`: text (escaped), numbers, fragments, lists of them, nothing. */
export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

function render(value: HtmlValue): string {
  if (value instanceof SafeHtml) return value.value;
  if (value === null || value === undefined || value === false) return '';
  if (Array.isArray(value)) return (value as readonly HtmlValue[]).map(render).join('');
  return escapeHtml(String(value));
}

/** Template tag: the literal parts are markup, every interpolation is escaped unless it is {@link SafeHtml}. */
export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((v, i) => {
    out += render(v) + (strings[i + 1] ?? '');
  });
  return new SafeHtml(out);
}

/**
 * Marks markup plugcheck generated itself (never plugin text) as safe. Callers own the proof: the
 * only one is the chart renderer, whose SVG comes from Vega with every label escaped by Vega.
 */
export function trustedHtml(markup: string): SafeHtml {
  return new SafeHtml(markup);
}
