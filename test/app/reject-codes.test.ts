/**
 * Every reject code has a message in English and in 中文 (keys `reject.<code>`), and each message
 * names only parameters the code carries — the polygon-ring codes name theirs through {where}.
 */
import { describe, expect, it } from 'vitest';
import { en } from '../../src/app/i18n/en.ts';
import { zh } from '../../src/app/i18n/zh.ts';
import { REJECT_CODES, REJECT_REASONS, rejectReason } from '../../src/reject-reason.ts';

const dictionaries: Record<string, Partial<Record<string, string>>> = { en, zh };
const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
/** The names a message of `code` may use: its parameters, with {where} for ring and part. */
function namesOf(code: (typeof REJECT_CODES)[number]): string[] {
  const params: readonly string[] = REJECT_REASONS[code].params;
  const ring = params.includes('part');
  return [...params.filter((p) => !ring || (p !== 'ring' && p !== 'part')), ...(ring ? ['where'] : [])].sort();
}

describe('reject codes', () => {
  for (const lang of ['en', 'zh']) {
    it(`each has a ${lang} message naming exactly its parameters`, () => {
      const wrong = REJECT_CODES.filter((code) => {
        const text = dictionaries[lang][`reject.${code}`];
        return text === undefined || text.trim() === '' || placeholders(text).join() !== namesOf(code).join();
      });
      expect(wrong).toEqual([]);
    });
  }

  it('中文 messages are Chinese, not English left in place', () => {
    expect(REJECT_CODES.filter((code) => !/[\u4e00-\u9fff]/.test(zh[`reject.${code}`]))).toEqual([]);
  });

  it('the English the CLI prints is made from the code and its parameters', () => {
    expect(rejectReason('duplicate-id', { first: 3 })).toEqual({ code: 'duplicate-id', params: { first: 3 }, reason: 'duplicate id (first seen in row 3)' });
    expect(rejectReason('ring-not-closed', { ring: 2, part: 1 }).reason).toBe('invalid polygon: hole 2 of part 1 is not closed');
    expect(rejectReason('ring-too-short', { ring: 0, part: 0 }).reason).toBe('invalid polygon: the outer ring has fewer than 4 positions');
    expect(rejectReason('missing-coordinate')).toEqual({ code: 'missing-coordinate', params: {}, reason: 'missing coordinate' });
  });
});
