/**
 * The page state in the URL hash, so a link (or a reload) restores the scenario, the level, the
 * selection and a compared plan A. Units are stored by id, not index, so the link survives a re-run of the funnel.
 * Encoding: JSON → deflate → base64url, which keeps a full scenario to a few hundred characters.
 */
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import type { Lang } from '../i18n/i18n.ts';
import type { PointLayerKey } from '../worker/messages.ts';
import type { TableView } from './app-state.ts';

export interface UrlState {
  lang?: Lang;
  scenario?: unknown;
  /** Region id, district id and selected unit id along the drill path. */
  region?: string;
  district?: string;
  selected?: string;
  toggles?: Partial<Record<PointLayerKey, boolean>>;
  /** The right column's view. */
  view?: TableView;
  /** Plan A's scenario when two plans are compared (plan B is `scenario`). */
  planA?: unknown;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

export function encodeUrlState(state: UrlState): string {
  return `#s=${toBase64Url(deflateSync(strToU8(JSON.stringify(state))))}`;
}

/** The state in a hash, or null when there is none or it cannot be read (a hand-edited link). */
export function decodeUrlState(hash: string): UrlState | null {
  const match = /^#?s=([A-Za-z0-9_-]+)$/.exec(hash);
  if (!match) return null;
  try {
    const value: unknown = JSON.parse(strFromU8(inflateSync(fromBase64Url(match[1]))));
    return typeof value === 'object' && value !== null ? (value as UrlState) : null;
  } catch {
    return null;
  }
}
