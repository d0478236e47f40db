import { describe, expect, it } from 'vitest';
import { markdownToHtml } from '../../src/notebook/markdown.ts';
import { formatNumber } from '../../src/format/number.ts';

describe('markdownToHtml', () => {
  it('renders headings one level below the page title, lists, code and emphasis, escaping all text', () => {
    const html = markdownToHtml('# Title <b>\n\nSome **bold**, *it* and `a<b`.\n- one\n- two & three\n\n    code <here>\n\n[link](https://example.org) [bad](javascript:x)');
    expect(html).toBe(
      [
        '<h2>Title &lt;b&gt;</h2>',
        '<p>Some <strong>bold</strong>, <em>it</em> and <code>a&lt;b</code>.</p>',
        '<ul><li>one</li><li>two &amp; three</li></ul>',
        '<pre><code>code &lt;here&gt;</code></pre>',
        '<p><a href="https://example.org">link</a> bad</p>',
      ].join('\n'),
    );
  });
});

describe('formatNumber', () => {
  it('groups digits SI-style above four digits and picks decimals by magnitude', () => {
    expect([601723, 2400000, 1000, -12345, 87.346, 1320.94, 0.01234, NaN, Infinity].map((x) => formatNumber(x))).toEqual(['601 723', '2 400 000', '1000', '−12 345', '87.35', '1320.9', '0.0123', '', '∞']);
  });
});
