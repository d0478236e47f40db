/** The level breadcrumb: All → region → district → sites. Each step back is a button. */
import type { FunnelResult } from './engine-api.ts';
import { el } from './dom.ts';
import { t } from './i18n/i18n.ts';
import { levelOf, type DrillPath } from './state/drill-path.ts';

export function renderBreadcrumb(host: HTMLElement, funnel: FunnelResult | null, path: DrillPath, go: (path: DrillPath) => void): void {
  const steps: Node[] = [];
  const step = (label: string, target: DrillPath | null, className: string): void => {
    if (steps.length > 0) steps.push(el('span', { className: 'crumb-sep', text: '›', attrs: { 'aria-hidden': 'true' } }));
    if (target) {
      const button = el('button', { text: label, className: `crumb ${className}`, attrs: { type: 'button' } });
      button.addEventListener('click', () => go(target));
      steps.push(button);
    } else {
      steps.push(el('span', { text: label, className: `crumb current ${className}`, attrs: { 'aria-current': 'page' } }));
    }
  };
  const level = levelOf(path);
  step(t('breadcrumb.all'), level === 'region' ? null : { region: -1, district: -1 }, 'crumb-all');
  if (funnel && path.region >= 0) {
    const name = funnel.regions.names[path.region] || funnel.regions.ids[path.region];
    step(name, level === 'district' ? null : { region: path.region, district: -1 }, 'crumb-region');
  }
  if (funnel && path.district >= 0) {
    // The district is where the sites are: a label, not a link back to the same view.
    steps.push(el('span', { className: 'crumb-sep', text: '›', attrs: { 'aria-hidden': 'true' } }));
    steps.push(el('span', { text: funnel.districts.names[path.district] || funnel.districts.ids[path.district], className: 'crumb-district', attrs: { translate: 'no' } }));
    step(t('level.site'), null, 'crumb-sites');
  }
  host.replaceChildren(...steps);
}
