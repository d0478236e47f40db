/** Why each unit of a shown level is not kept, in the page's language ('' when kept); cached per level. */
import { formatNotKept, levelReasons, type FunnelResult, type LevelResult } from '../engine-api.ts';
import { currentLang, type Lang } from '../i18n/i18n.ts';

const cache = new WeakMap<LevelResult, { lang: Lang; texts: string[] }>();

export function reasonTexts(funnel: FunnelResult, level: LevelResult): string[] {
  const lang = currentLang();
  const hit = cache.get(level);
  if (hit && hit.lang === lang) return hit.texts;
  const texts = levelReasons(funnel, level).map((r) => formatNotKept(r, lang));
  cache.set(level, { lang, texts });
  return texts;
}
