/** Checkboxes that show or hide each point layer on the map (with the layer's count). */
import { el } from './dom.ts';
import { formatNumber } from '../format/number.ts';
import { currentLang } from './i18n/i18n.ts';
import { OVERLAY_STYLES } from './map/point-overlays.ts';
import type { MapData, PointLayerKey } from './worker/messages.ts';

export function renderLayerToggles(host: HTMLElement, map: MapData | null, toggles: Record<PointLayerKey, boolean>, onToggle: (key: PointLayerKey, on: boolean) => void): void {
  const boxes = (Object.keys(OVERLAY_STYLES) as PointLayerKey[]).map((key) => {
    const box = el('input', { attrs: { type: 'checkbox', 'data-layer': key } });
    box.checked = toggles[key];
    box.disabled = !map?.points[key];
    box.addEventListener('change', () => onToggle(key, box.checked));
    // a layer held in DuckDB sends a sample of its points: its count is the layer's
    const count = map?.counts[key] ?? map?.points[key]?.lon.length;
    const swatch = el('span', { className: `swatch swatch-${key}`, attrs: { 'aria-hidden': 'true' } });
    swatch.style.background = OVERLAY_STYLES[key].fill === 'none' ? OVERLAY_STYLES[key].stroke : OVERLAY_STYLES[key].fill;
    return el('label', { className: 'toggle' }, [box, swatch, el('span', { i18n: OVERLAY_STYLES[key].label }), el('span', { className: 'muted', text: count === undefined ? '' : ` (${formatNumber(count, { lang: currentLang() })})` })]);
  });
  host.replaceChildren(el('span', { i18n: 'map.layers', className: 'toggles-title' }), ...boxes);
}
