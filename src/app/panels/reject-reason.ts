/**
 * A loader's reject reason in the page's language, worded from its code and parameters
 * (src/reject-reason.ts) through the i18n tables: keys `reject.<code>`, `{name}` a parameter.
 */
import type { RejectReason } from '../engine-api.ts';
import { t } from '../i18n/i18n.ts';

/** `template` with each `{name}` replaced by that parameter; a name without one stays as written. */
function fill(template: string, params: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** The polygon ring a ring reason names ({where}): `ring` 0 the outer ring, k the k-th hole; `part` > 0 a multipolygon's part. */
function ringWhere(params: Readonly<Record<string, string | number>>): string {
  const ring = params.ring === undefined ? t('reject.where.polygon') : params.ring === 0 ? t('reject.where.outer') : fill(t('reject.where.hole'), { hole: params.ring });
  return params.part === undefined || params.part === 0 ? ring : fill(t('reject.where.part'), { where: ring, part: params.part });
}

export function rejectReasonText(r: Pick<RejectReason, 'code' | 'params'>): string {
  const params = 'part' in r.params ? { ...r.params, where: ringWhere(r.params) } : r.params;
  return fill(t(`reject.${r.code}`), params);
}
