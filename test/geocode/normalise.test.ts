import { describe, expect, it } from 'vitest';
import { normaliseAddress } from '../../src/geocode/index.ts';

describe('normaliseAddress', () => {
  it.each([
    // full-width letters, digits and the ideographic space become ASCII
    ['１２８　Ｈａｒｂｏｕｒ　Ｒｄ', '128 harbour road'],
    ['ＡＢＣ１２３', 'abc123'],
    // street types and directions, with and without periods
    ['45 Pine St NW', '45 pine street northwest'],
    ['45 Pine St. N.W.', '45 pine street northwest'],
    ['45 pine street, n. w.', '45 pine street northwest'],
    ['45 PINE STREET NORTHWEST', '45 pine street northwest'],
    ['7 Main Ave S', '7 main avenue south'],
    ['900 Ocean Blvd', '900 ocean boulevard'],
    ['3 Elm Ln', '3 elm lane'],
    // "St" before a name is Saint
    ['12 St Kilda Rd', '12 saint kilda road'],
    ["12 St. John's Rd", '12 saint johns road'],
    // ordinals and accents
    ['1 First Street', '1 1st street'],
    ['200 Avenida São João', '200 avenue sao joao'],
    // punctuation and stray spacing
    ['  #5,  Market--Street  ', '5 market street'],
  ])('%s → %s', (input, expected) => {
    expect(normaliseAddress(input)).toBe(expected);
  });

  it('maps traditional 號 to 号 and separates the number from Han text', () => {
    expect(normaliseAddress('深南大道１００１號')).toBe('深南大道 1001 号');
    expect(normaliseAddress('深南大道1001号')).toBe('深南大道 1001 号');
  });

  it('keeps 路 and 道 apart: they name different streets', () => {
    expect(normaliseAddress('深南路1号')).not.toBe(normaliseAddress('深南道1号'));
  });

  it('is idempotent', () => {
    const once = normaliseAddress('45 Pine St. N.W.');
    expect(normaliseAddress(once)).toBe(once);
  });
});

describe('normaliseAddress and object keys', () => {
  it('leaves words that are Object.prototype names alone', () => {
    expect(normaliseAddress('1 Constructor Road')).toBe('1 constructor road');
    expect(normaliseAddress('2 toString St')).toBe('2 tostring street');
  });
});
