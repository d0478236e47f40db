/** A criterion's label in the page language: its kind translated, its id when it is not the kind. */
import type { Scenario } from '../engine-api.ts';
import type { MessageKey } from '../i18n/en.ts';
import { en } from '../i18n/en.ts';
import { t } from '../i18n/i18n.ts';

export function criterionLabel(scenario: Scenario | null, name: string): string {
  const spec = scenario?.criteria.find((c) => c.id === name);
  const kind = spec?.kind ?? name;
  const key = `kind.${kind}`;
  if (!(key in en)) return name;
  const label = t(key as MessageKey);
  return spec && spec.id !== spec.kind ? `${label} (${spec.id})` : label;
}
