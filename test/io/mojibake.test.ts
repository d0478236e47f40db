/**
 * Issue 19 item 10: GBK bytes that also decode as UTF-8 were garbled with no note. '一为要时'
 * in GBK is D2 BB CE AA D2 AA CA B1, valid UTF-8 for 'һΪҪʱ' (Cyrillic, Greek, Cyrillic, IPA).
 * Such a file is noted; a real Russian or Greek UTF-8 file is not.
 */
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../src/io/decode-text.ts';

const gbkOneWeiYaoShi = Uint8Array.of(0xd2, 0xbb, 0xce, 0xaa, 0xd2, 0xaa, 0xca, 0xb1);
const csv = (middle: Uint8Array): Uint8Array => new Uint8Array([...new TextEncoder().encode('id,name,lon,lat\n1,'), ...middle, ...new TextEncoder().encode(',114,22.5\n')]);

describe('GBK that also decodes as UTF-8', () => {
  it('is read as UTF-8 (the bytes are valid) with a note naming the garbled run and the fix', () => {
    const d = decodeText('shops.csv', csv(gbkOneWeiYaoShi));
    expect(d.encoding).toBe('utf-8');
    expect(d.text).toContain('һΪҪʱ');
    expect(d.note).toBe(`read as UTF-8, but 1 run(s) of characters such as 'һΪҪʱ' look like GBK Chinese read as UTF-8; if the file is Chinese, set "encoding": "gbk" for it in bundle.json`);
    expect(new TextDecoder('gbk').decode(gbkOneWeiYaoShi)).toBe('一为要时');
  });

  it.each([['Москва'], ['Αθήνα'], ['café'], ['北京']])('a real UTF-8 name (%s) gets no note', (name) => {
    expect(decodeText('shops.csv', csv(new TextEncoder().encode(name))).note).toBeUndefined();
  });

  it('with "encoding" set in the manifest there is nothing to guess', () => {
    expect(decodeText('shops.csv', csv(gbkOneWeiYaoShi), 'utf-8').note).toBeUndefined();
  });
});
