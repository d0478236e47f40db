import { describe, expect, it } from 'vitest';
import { formatDecimal, formatNumber, formatOutputNumber } from '../../src/format/number.ts';

describe('formatDecimal', () => {
  it.each([
    [1234.56789, 4, '1234.5679'],
    [12.0001, 4, '12.0001'],
    [-3.25, 4, '-3.25'],
    [100, 4, '100'],
    [7.1, 4, '7.1'], // not 7.0999…: rounding is on the scaled integer
    [0.05, 4, '0.05'],
    [-0.00004, 4, '0'], // rounds to zero, no "-0"
    [114.0434161, 7, '114.0434161'],
    [22.6, 7, '22.6'],
  ])('%d to %d places → %s', (v, d, text) => {
    expect(formatDecimal(v, d)).toBe(text);
  });

  it('matches String() of the rounded value on many random numbers', () => {
    let seed = 1;
    for (let k = 0; k < 10_000; k++) {
      seed = (seed * 48271) % 2147483647;
      const v = (seed / 2147483647 - 0.5) * 2e5;
      expect(formatDecimal(v, 4)).toBe(String(Math.round(v * 1e4) / 1e4));
    }
  });

  it('leaves empty cells for missing values', () => {
    expect(formatDecimal(NaN, 4)).toBe('');
    expect(formatOutputNumber(Infinity)).toBe('');
  });
});

describe('formatOutputNumber', () => {
  it('keeps 6 significant digits below 1 and 4 decimals above', () => {
    expect(formatOutputNumber(0.000123456789)).toBe('0.000123457');
    expect(formatOutputNumber(61.861547)).toBe('61.8615');
    expect(formatOutputNumber(0)).toBe('0');
  });
});

describe('formatNumber', () => {
  it('in the workbench: its language’s digit groups (a comma in English and in 中文), decimals at most as asked, trailing zeros dropped', () => {
    for (const lang of ['en', 'zh'] as const) {
      expect(formatNumber(601723, { lang })).toBe('601,723');
      expect(formatNumber(601723.46, { lang, digits: 1 })).toBe('601,723.5');
      expect(formatNumber(12.5, { lang, digits: 2 })).toBe('12.5');
      expect(formatNumber(-1234.4, { lang, digits: 0 })).toBe('-1,234');
      expect(formatNumber(0.012345, { lang })).toBe('0.0123');
      expect(formatNumber(NaN, { lang })).toBe('–');
      expect(formatNumber(Infinity, { lang })).toBe('–');
    }
  });

  it('elsewhere (reports, notebooks): SI digit groups from five digits, decimals by magnitude', () => {
    expect([601723, 1000, -12345, 87.346, 0.01234, NaN, -Infinity].map((x) => formatNumber(x))).toEqual(['601 723', '1000', '−12 345', '87.35', '0.0123', '', '−∞']);
  });
});
