/**
 * Transit modes and own-outlet types: aliases (subway, 地铁, Tram_Stop, ATM, 自助银行 …) are read as
 * their canonical values and unknown ones are named in the report with their counts, never silently
 * turned into something else.
 */
import { describe, expect, it } from 'vitest';
import { loadLayerFile } from '../../src/data/load-layer-file.ts';
import type { PointLayer } from '../../src/data/layer.ts';
import { rolesTableMarkdown } from '../../src/data/layer-roles.ts';

const csv = (rows: string[]): Uint8Array => new TextEncoder().encode(['id,lon,lat,mode,type', ...rows].join('\n') + '\n');

describe('coded column values', () => {
  it('folds transit mode aliases and reports unknown modes', async () => {
    const rows = ['a,116.40,39.90,subway,', 'b,116.41,39.91,地铁,', 'c,116.42,39.92,Tram_Stop,', 'd,116.43,39.93,bus,', 'e,116.44,39.94,hovercraft,', 'f,116.45,39.95,hovercraft,', 'g,116.46,39.96,,'];
    const { layer, report } = await loadLayerFile('t.csv', csv(rows), { layer: 'transit', file: 't.csv' });
    expect((layer as PointLayer).text.mode).toEqual(['metro', 'metro', 'tram', 'bus', 'hovercraft', 'hovercraft', '']);
    const notes = report.notes.join('\n');
    expect(notes).toMatch(/3 mode value\(s\) spelled as aliases/);
    expect(notes).toMatch(/unknown mode value\(s\) 'hovercraft' \(2\): not one of metro, rail, tram, bus, ferry, cable/);
    expect(notes).toMatch(/1 row\(s\) without a mode/);
  });

  it('folds own-outlet type aliases', async () => {
    const rows = ['a,116.40,39.90,,Branch', 'b,116.41,39.91,,ATM', 'c,116.42,39.92,,自助银行', 'd,116.43,39.93,,代理'];
    const { layer, report } = await loadLayerFile('n.csv', csv(rows), { layer: 'network', file: 'n.csv' });
    expect((layer as PointLayer).text.type).toEqual(['branch', 'self-service', 'self-service', 'agent']);
    expect(report.notes.join('\n')).not.toMatch(/unknown type/);
  });

  it('lists the aliases in the generated reference table', () => {
    expect(rolesTableMarkdown()).toMatch(/\| transit \| `mode` \| yes \| transit mode: \*\*metro\*\* \(subway, underground/);
  });
});
