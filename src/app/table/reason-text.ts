/**
 * Why a unit of a shown level is not kept, in the page's language ('' when kept). Worded only when
 * asked (the rows in view, the dots drawn), remembered per level and language.
 */
import { formatNotKept, levelReasons, type FunnelResult, type LevelResult } from '../engine-api.ts';
import { currentLang, type Lang } from '../i18n/i18n.ts';

const cache = new WeakMap<LevelResult, { lang: Lang; texts: Map<number, string> }>();

export type ReasonText = (unit: number) => string;

export function reasonTexts(funnel: FunnelResult, level: LevelResult): ReasonText {
  const lang = currentLang();
  let hit = cache.get(level);
  if (!hit || hit.lang !== lang) cache.set(level, (hit = { lang, texts: new Map() }));
  const { texts } = hit;
  const reasons = levelReasons(funnel, level);
  return (unit) => {
    let text = texts.get(unit);
    if (text === undefined) texts.set(unit, (text = formatNotKept(reasons.at(unit), lang)));
    return text;
  };
}
