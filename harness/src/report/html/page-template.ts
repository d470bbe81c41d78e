/**
 * The document every HTML report is: one file with its stylesheet and script inline and a
 * Content-Security-Policy that allows nothing else: no request of any kind, no script but the
 * page's own (by hash, so an inline event handler smuggled into plugin text could not run even if
 * escaping ever failed).
 */
import { createHash } from 'node:crypto';
import { PAGE_SCRIPT } from './page-script.js';
import { PAGE_STYLE } from './page-style.js';
import { html, trustedHtml } from './safe-html.js';
import type { SafeHtml } from './safe-html.js';

/** What a page needs besides its body. */
export interface PageParts {
  /** The document title (plain text). */
  readonly title: string;
  /** The heading at the top of the page (plain text). */
  readonly heading: string;
  /** A line next to the heading: tool version, time written (plain text). */
  readonly meta: string;
  readonly body: SafeHtml;
}

/** The policy: the page's own script by hash, inline styles, nothing loaded from anywhere. */
export function contentSecurityPolicy(script: string): string {
  const hash = createHash('sha256').update(script).digest('base64');
  return `default-src 'none'; script-src 'sha256-${hash}'; style-src 'unsafe-inline'; img-src 'none'; base-uri 'none'; form-action 'none'`;
}

/** The whole document. */
export function renderPage(parts: PageParts): string {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(PAGE_SCRIPT)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>${parts.title}</title>
<style>${trustedHtml(PAGE_STYLE)}</style>
</head>
<body>
<header class="page-head"><h1>${parts.heading}</h1><span class="meta">${parts.meta}</span></header>
<main>
${parts.body}
</main>
<script>${trustedHtml(PAGE_SCRIPT)}</script>
</body>
</html>
`.value;
}
