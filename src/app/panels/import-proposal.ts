/**
 * Several files dropped at once: the engine proposes a layer and column roles for each, with the
 * same detector `siteselect init` uses (src/data/profile-file.ts → src/data/propose-bundle.ts). The
 * proposal is shown above the file cards and written into them — every card stays editable — and
 * one button loads the proposed cards in order (areas first, as init orders them).
 */
import type { BundleProposal, LayerEntry } from '../engine-api.ts';
import { el } from '../dom.ts';
import { t } from '../i18n/i18n.ts';
import type { MessageKey } from '../i18n/en.ts';

export type ProposeFiles = (files: File[]) => Promise<{ proposal: BundleProposal; unreadable: { file: string; reason: string }[] }>;
/** Files that bring their own areas are a new city: the loaded bundle is emptied before they load. */
export type StartCity = (files: string[]) => Promise<void>;

const AREA_LAYERS = new Set(['regions', 'districts']);

const cardOf = (cards: HTMLElement, file: string): HTMLElement | null => cards.querySelector<HTMLElement>(`.file-card[data-file="${CSS.escape(file)}"]`);

/** Resolves once `found()` holds, re-checked whenever the node's subtree changes. */
function whenPresent<T>(node: HTMLElement, found: () => T | null | undefined): Promise<T> {
  return new Promise((resolve) => {
    const now = found();
    if (now) return resolve(now);
    const watch = new MutationObserver(() => {
      const hit = found();
      if (!hit) return;
      watch.disconnect();
      resolve(hit);
    });
    watch.observe(node, { childList: true, subtree: true });
  });
}

/** Roles fed by a column (constants such as a mode from the file name have no column to set). */
function columnRoles(entry: LayerEntry): [string, string][] {
  return Object.entries(entry.columns ?? {}).flatMap(([role, ref]) => (typeof ref === 'string' ? [[role, ref] as [string, string]] : []));
}

/** The card's layer and role selects set as proposed, once its columns are listed. */
async function applyToCard(card: HTMLElement, entry: LayerEntry): Promise<void> {
  const ready = await whenPresent(card, () => card.querySelector('select.role-select, .file-output .error'));
  if (!ready.matches('select')) return;
  const layer = card.querySelector<HTMLSelectElement>('select.layer-select');
  if (layer && layer.value !== entry.layer) {
    layer.value = entry.layer;
    layer.dispatchEvent(new Event('change'));
  }
  const selects = [...card.querySelectorAll<HTMLSelectElement>('select.role-select')];
  for (const [role, column] of columnRoles(entry)) {
    const select = selects.find((s) => s.dataset.column === column);
    if (!select || ![...select.options].some((o) => o.value === role)) continue;
    for (const other of selects) if (other !== select && other.value === role) other.value = '';
    select.value = role;
  }
  const constants = Object.fromEntries(Object.entries(entry.columns ?? {}).filter(([, ref]) => typeof ref !== 'string'));
  if (Object.keys(constants).length > 0) card.dataset.roleConstants = JSON.stringify(constants);
  card.dataset.proposed = entry.layer;
}

/** One item per proposed layer: layer ← file, its column roles, and why (the sidebar is narrow). */
function proposalList(proposal: BundleProposal): HTMLOListElement {
  const items = proposal.layers.map(({ entry, reasons }) =>
    el('li', { attrs: { 'data-file': entry.file, 'data-layer': entry.layer } }, [
      el('p', { className: 'proposal-head' }, [el('strong', { i18n: `layer.${entry.layer}` as MessageKey }), el('span', { text: ` ← ${entry.file}`, attrs: { translate: 'no' } })]),
      el('p', { className: 'proposal-roles', text: Object.entries(entry.columns ?? {}).map(([role, ref]) => `${typeof ref === 'string' ? ref : JSON.stringify(ref.value)} → ${role}`).join(' · '), attrs: { translate: 'no' } }),
      el('p', { className: 'proposal-why', text: reasons.join('; ') }),
    ]),
  );
  return el('ol', { className: 'proposal-list' }, items);
}

/** The proposal's cards set to an area layer now (the planner may have changed a card's layer). */
function areaCards(cards: HTMLElement, proposal: BundleProposal): boolean {
  return proposal.layers.some(({ entry }) => AREA_LAYERS.has(cardOf(cards, entry.file)?.querySelector<HTMLSelectElement>('select.layer-select')?.value ?? ''));
}

/** Loads the proposed cards one after another, each waiting for its report (or its error). */
async function loadAll(cards: HTMLElement, proposal: BundleProposal, status: HTMLElement, startCity?: StartCity): Promise<void> {
  // A new city replaces the one loaded: none of its layers, basemap or badge stays beside the new ones.
  if (startCity && areaCards(cards, proposal)) await startCity(proposal.layers.map((l) => l.entry.file));
  let done = 0;
  for (const { entry } of proposal.layers) {
    const card = cardOf(cards, entry.file);
    const button = card?.querySelector<HTMLButtonElement>('button.load-layer');
    if (!card || !button) continue;
    const output = card.querySelector<HTMLElement>('.file-output');
    output?.replaceChildren();
    button.click();
    await whenPresent(card, () => card.querySelector('.file-output .layer-report, .file-output .error'));
    done++;
    status.textContent = `${done} / ${proposal.layers.length} ${t('proposal.loaded')}`;
  }
}

/** Shows the proposal for a multi-file drop above the cards and applies it to them. */
export function proposeImport(files: File[], cards: HTMLElement, propose: ProposeFiles, startCity?: StartCity): void {
  const status = el('p', { className: 'proposal-status', attrs: { 'aria-live': 'polite' } });
  const box = el('section', { className: 'import-proposal' }, [el('h3', { i18n: 'proposal.title' }), el('p', { i18n: 'proposal.working' }), status]);
  cards.prepend(box);
  propose(files).then(
    async ({ proposal, unreadable }) => {
      const loadButton = el('button', { i18n: 'proposal.loadAll', className: 'primary load-all', attrs: { type: 'button' } });
      const unused = [...proposal.unused, ...unreadable].map((u) => el('li', { text: `${u.file}: ${u.reason}`, attrs: { translate: 'no' } }));
      box.replaceChildren(
        el('h3', { i18n: 'proposal.title' }),
        el('p', { i18n: 'proposal.edit' }),
        proposalList(proposal),
        ...(unused.length ? [el('p', { i18n: 'proposal.unused' }), el('ul', { className: 'proposal-unused' }, unused)] : []),
        ...(startCity && proposal.layers.some(({ entry }) => AREA_LAYERS.has(entry.layer)) ? [el('p', { i18n: 'proposal.newCity', className: 'proposal-new-city' })] : []),
        loadButton,
        status,
      );
      loadButton.disabled = true;
      await Promise.all(proposal.layers.map(({ entry }) => {
        const card = cardOf(cards, entry.file);
        return card ? applyToCard(card, entry) : Promise.resolve();
      }));
      loadButton.disabled = proposal.layers.length === 0;
      loadButton.addEventListener('click', () => {
        loadButton.disabled = true;
        void loadAll(cards, proposal, status, startCity)
          .catch((error: unknown) => (status.textContent = error instanceof Error ? error.message : String(error)))
          .finally(() => (loadButton.disabled = false));
      });
      box.dataset.ready = '';
    },
    (error: unknown) => {
      status.textContent = error instanceof Error ? error.message : String(error);
    },
  );
}
