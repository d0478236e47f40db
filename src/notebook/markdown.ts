/**
 * The small Markdown that notebook prose needs: headings, paragraphs, lists, block quotes,
 * indented code blocks, `code`, **bold**, *italic* and [links](…). Text is escaped first; markup is added after, so
 * nothing in the prose becomes HTML by accident.
 */
import { escapeHtml } from '../format/escape-html.ts';

export function markdownToHtml(markdown: string): string {
  const out: string[] = [];
  // Held in an object: TypeScript does not track a `let` reassigned inside the closures below.
  const open: { list: { tag: 'ul' | 'ol'; items: string[] } | null } = { list: null };
  let para: string[] = [];
  const flushPara = (): void => {
    if (para.length) out.push(`<p>${inline(para.join(' '))}</p>`);
    para = [];
  };
  const flushList = (): void => {
    const list = open.list;
    if (list) out.push(`<${list.tag}>${list.items.map((i) => `<li>${inline(i)}</li>`).join('')}</${list.tag}>`);
    open.list = null;
  };
  let code: string[] = [];
  const flushCode = (): void => {
    if (code.length) out.push(`<pre><code>${escapeHtml(code.join('\n'))}</code></pre>`);
    code = [];
  };
  for (const raw of markdown.split('\n')) {
    const line = raw.trimEnd();
    if (/^ {4}\S/.test(raw) && !open.list && para.length === 0) {
      code.push(line.slice(4));
      continue;
    }
    flushCode();
    const heading = /^(#{1,4})\s+(.*)$/.exec(line);
    const bullet = /^\s*[-*]\s+(.*)$/.exec(line);
    const numbered = /^\s*\d+[.)]\s+(.*)$/.exec(line);
    if (line.trim() === '') {
      flushPara();
      flushList();
    } else if (heading) {
      flushPara();
      flushList();
      const level = heading[1].length + 1; // the notebook title is the page's h1
      out.push(`<h${level}>${inline(heading[2])}</h${level}>`);
    } else if (bullet || numbered) {
      flushPara();
      const tag = bullet ? 'ul' : 'ol';
      if (open.list?.tag !== tag) flushList();
      open.list ??= { tag, items: [] };
      open.list.items.push(bullet?.[1] ?? numbered?.[1] ?? '');
    } else if (open.list && /^\s{2,}\S/.test(raw)) {
      open.list.items[open.list.items.length - 1] += ' ' + line.trim();
    } else if (line.startsWith('>')) {
      flushPara();
      flushList();
      out.push(`<blockquote>${inline(line.replace(/^>\s?/, ''))}</blockquote>`);
    } else {
      flushList();
      para.push(line.trim());
    }
  }
  flushCode();
  flushPara();
  flushList();
  return out.join('\n');
}

function inline(text: string): string {
  const parts = text.split(/(`[^`]*`)/);
  return parts
    .map((part) => {
      if (part.startsWith('`') && part.endsWith('`') && part.length >= 2) return `<code>${escapeHtml(part.slice(1, -1))}</code>`;
      return escapeHtml(part)
        .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
        .replace(/(^|[^*])\*([^*\s][^*]*)\*/g, '$1<em>$2</em>')
        .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (_m, label: string, href: string) => (safeHref(href) ? `<a href="${href}">${label}</a>` : label));
    })
    .join('');
}

/** Relative links and http(s) only (the href is already escaped text). */
function safeHref(href: string): boolean {
  return /^(https?:\/\/|#|\.{0,2}\/|[\w-]+\.\w+)/i.test(href) && !/^\s*(javascript|data|vbscript):/i.test(href);
}
