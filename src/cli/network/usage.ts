/** The options and help of the `siteselect network` jobs (kept apart so --help loads no routing code). */
import { JSON_SUMMARY } from '../common-options.ts';
import { defineCommand, type OptionSpec } from '../help-text.ts';

const PROFILE = { kind: 'text', value: 'walk|bike|drive', required: true, help: 'the travel profile (classes, speeds and one-ways: README, Travel time)' } as const satisfies OptionSpec;
const METRIC = { kind: 'choice', choices: ['time', 'length'], default: 'time', help: 'time in minutes or length in metres' } as const satisfies OptionSpec;

export const MATRIX = defineCommand({
  name: 'network matrix',
  usage: ['--osm FILE --profile P --from A --to B --out FILE.csv [options]'],
  about: `
Shortest-path costs over the street network from each point of --from to each point of --to
(points: id, lon, lat). Points snap to the nearest street of the network's largest connected piece;
the leg from the point to the street is walked (4.8 km/h). Points farther than --snap-limit from
every street are listed on standard error and have no rows.`,
  options: {
    osm: {
      kind: 'text', value: 'FILE', required: true,
      help: 'an OpenStreetMap .osm.pbf extract, or road lines (GeoJSON, GeoParquet, CSV with WKT) with optional highway/class, speed (km/h), maxspeed and oneway columns',
    },
    profile: PROFILE,
    'cache-dir': { kind: 'text', value: 'DIR', help: 'where the built graph is cached', shown: '.siteselect-cache/ beside --osm' },
    'no-cache': { kind: 'flag', help: 'build the graph afresh and write no cache' },
    from: { kind: 'text', value: 'A.csv', required: true, help: 'the origins' },
    to: { kind: 'text', value: 'B.csv', required: true, help: 'the destinations' },
    metric: METRIC,
    max: { kind: 'number', value: 'VALUE', min: 0, help: 'keep only pairs within this many minutes or metres (sparse output)' },
    'snap-limit': { kind: 'number', value: 'METRES', min: 0, default: 500, help: 'the farthest a point may lie from a street' },
    out: { kind: 'text', value: 'FILE.csv', required: true, help: 'rows: from, to, time_min | length_m; pairs out of reach are absent' },
    json: { ...JSON_SUMMARY, help: 'print a summary object on standard output' },
  },
});

export const AREA = defineCommand({
  name: 'network area',
  usage: ['--bundle DIR --site LON,LAT --profile P --out FILE.geojson [options]', '--bundle DIR --site-id ID --profile P --out FILE.geojson [options]'],
  about: `
A site's trade areas over the bundle's street network ("roads" in its bundle.json): one polygon per
threshold (minutes, or metres with --metric length), drawn from the streets reached within it plus
up to 100 m on foot either side, with the demand (population), competitors and own outlets that
reach the site within it.`,
  operand: 'bundle',
  options: {
    site: { kind: 'text', value: 'LON,LAT', help: 'the site by its coordinates' },
    'site-id': { kind: 'text', value: 'ID', help: 'the site by id: a candidate or an own outlet of the bundle' },
    profile: PROFILE,
    metric: METRIC,
    thresholds: { kind: 'text', value: 'A,B,…', help: 'the areas, in minutes or metres', shown: '5,10,15 minutes, 500,1000,2000 metres' },
    out: { kind: 'text', value: 'FILE.geojson', required: true, help: 'the areas' },
    json: JSON_SUMMARY,
  },
});
