/**
 * Word equivalences used by address normalisation. Each variant maps to one canonical token; both
 * the gazetteer and the query go through the same table, so the canonical spelling only has to be
 * consistent, not pretty.
 */
export const STREET_TYPES: Record<string, string> = {
  street: 'street', str: 'street', // "st" is decided by context in normalise.ts (Street or Saint)
  avenue: 'avenue', ave: 'avenue', av: 'avenue', avn: 'avenue', avenida: 'avenue',
  road: 'road', rd: 'road',
  boulevard: 'boulevard', blvd: 'boulevard', blv: 'boulevard', boul: 'boulevard',
  lane: 'lane', ln: 'lane',
  drive: 'drive', dr: 'drive', drv: 'drive',
  court: 'court', ct: 'court',
  place: 'place', pl: 'place',
  square: 'square', sq: 'square',
  terrace: 'terrace', ter: 'terrace', terr: 'terrace',
  crescent: 'crescent', cres: 'crescent',
  highway: 'highway', hwy: 'highway',
  parkway: 'parkway', pkwy: 'parkway', pky: 'parkway',
  circle: 'circle', cir: 'circle',
  alley: 'alley', aly: 'alley',
  expressway: 'expressway', expy: 'expressway',
  freeway: 'freeway', fwy: 'freeway',
  plaza: 'plaza', plz: 'plaza',
  way: 'way', wy: 'way',
  rua: 'rua', r: 'rua',
};

export const DIRECTIONS: Record<string, string> = {
  north: 'north', n: 'north', south: 'south', s: 'south', east: 'east', e: 'east', west: 'west', w: 'west',
  northwest: 'northwest', nw: 'northwest', northeast: 'northeast', ne: 'northeast',
  southwest: 'southwest', sw: 'southwest', southeast: 'southeast', se: 'southeast',
};

/** Other common words; ordinals become digits so "First Street" and "1st St" agree. */
export const OTHER_WORDS: Record<string, string> = {
  saint: 'saint', mt: 'mount', mount: 'mount', apt: 'apartment', ste: 'suite', fl: 'floor', bldg: 'building',
  first: '1st', second: '2nd', third: '3rd', fourth: '4th', fifth: '5th', sixth: '6th', seventh: '7th',
  eighth: '8th', ninth: '9th', tenth: '10th', eleventh: '11th', twelfth: '12th',
};

/**
 * Traditional → simplified forms of characters common in Chinese addresses (號 → 号 …). 路 and 道
 * are NOT merged: 深南大道 and 深南路 are different streets.
 */
export const CJK_VARIANTS: Record<string, string> = {
  號: '号', 區: '区', 樓: '楼', 層: '层', 門: '门', 東: '东', 廣: '广', 場: '场', 橋: '桥', 灣: '湾',
  華: '华', 興: '兴', 龍: '龙', 鎮: '镇', 縣: '县', 園: '园', 莊: '庄', 裡: '里', 衛: '卫', 國: '国',
  陽: '阳', 長: '长', 開: '开', 發: '发', 濱: '滨', 島: '岛', 嶺: '岭', 嶼: '屿', 寶: '宝', 豐: '丰',
  條: '条', 館: '馆', 業: '业', 學: '学', 醫: '医', 間: '间', 體: '体', 廈: '厦', 樂: '乐', 紅: '红',
  綠: '绿', 黃: '黄', 雲: '云', 風: '风', 書: '书', 車: '车', 線: '线', 鐵: '铁', 環: '环', 鄉: '乡',
  衚: '胡', 衕: '同',
};
