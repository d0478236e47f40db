/**
 * A loader's reject reason (English, from src/data) in the page's language. The loader words its
 * reasons once for the CLI, the files and the page; here the usual ones get their Chinese form, the
 * numbers kept. A reason not listed stays as the loader wrote it.
 */
import type { Lang } from '../i18n/i18n.ts';

const ZH: [RegExp, (m: RegExpMatchArray) => string][] = [
  [/^missing coordinate$/, () => '缺少坐标'],
  [/^non-numeric coordinate$/, () => '坐标不是数字'],
  [/^no coordinates and no address$/, () => '既无坐标也无地址'],
  [/^no coordinates$/, () => '没有坐标'],
  [/^missing id$/, () => '缺少编号'],
  [/^missing geometry$/, () => '缺少几何图形'],
  [/^longitude (\S+) is outside ±180$/, (m) => `经度 ${m[1]} 超出 ±180`],
  [/^latitude (\S+) is outside ±90$/, (m) => `纬度 ${m[1]} 超出 ±90`],
  [/^lat\/lon look swapped: latitude (\S+) is outside ±90 but the pair is valid the other way round$/, (m) => `经纬度疑似颠倒：纬度 ${m[1]} 超出 ±90，对调后有效`],
  [/^duplicate id \(first seen in row (\d+)\)$/, (m) => `编号重复（首次出现在第 ${m[1]} 行）`],
  [/^duplicate id \(already loaded from (.+)\)$/, (m) => `编号重复（已从 ${m[1]} 载入）`],
  [/^address not found in the gazetteer$/, () => '地名库中找不到该地址'],
  [/^address matched with confidence (\S+), below the minimum (\S+)$/, (m) => `地址匹配置信度 ${m[1]}，低于下限 ${m[2]}`],
  [/^looks like projected metres, not degrees/, () => '看起来是投影坐标（米）而不是经纬度：若为 Web 墨卡托（EPSG:3857），请把该文件的坐标系设为 EPSG:3857'],
];

export function rejectReasonText(reason: string, lang: Lang): string {
  if (lang === 'en') return reason;
  for (const [pattern, say] of ZH) {
    const m = reason.match(pattern);
    if (m) return say(m);
  }
  return reason;
}
