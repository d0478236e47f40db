/** Invented names for the sample city's regions, districts and streets (none is a real place). */
import type { Rng } from './prng.ts';

export const REGION_NAMES = ['Central', 'Northshore', 'Westgate', 'Southbay', 'Eastfield'];

const DISTRICT_HEADS = [
  'Oak', 'Mill', 'Ash', 'Elm', 'Stone', 'Fair', 'Bright', 'Green', 'Red', 'High', 'Kings', 'Queens',
  'Silver', 'Hazel', 'Rose', 'Thorn', 'Wolf', 'Cole', 'Lark', 'Fern', 'Holly', 'Wren', 'Clay', 'Marsh',
];
const DISTRICT_TAILS = [
  'ridge', 'brook', 'field', 'wood', 'haven', 'view', 'ford', 'gate', 'hill', 'mead', 'bank', 'dale',
  'well', 'side', 'croft', 'stead', 'wick', 'ton',
];

/** `count` distinct district names, in a seeded order. */
export function districtNames(rng: Rng, count: number): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  while (out.length < count) {
    const name = rng.pick(DISTRICT_HEADS) + rng.pick(DISTRICT_TAILS);
    if (seen.has(name)) continue;
    seen.add(name);
    out.push(name);
  }
  return out;
}

/**
 * Street name stems. Several stems are shared by two streets of different type (Pine Street and
 * Pine Avenue), and some differ by one letter (Park / Parr), so fuzzy matching has real work to do.
 */
export const STREET_STEMS = [
  'Harbour', 'Pine', 'Maple', 'Cedar', 'Victoria', 'Albert', 'Kingsway', 'Queen', 'Market', 'Church',
  'Station', 'Park', 'Parr', 'Mill', 'Bridge', 'River', 'Lake', 'Hill', 'Garden', 'Orchard',
  'Willow', 'Birch', 'Chestnut', 'Hawthorn', 'Juniper', 'Laurel', 'Magnolia', 'Poplar', 'Spruce', 'Sycamore',
  'Beacon', 'Lighthouse', 'Anchor', 'Quay', 'Pier', 'Ferry', 'Canal', 'Dock', 'Wharf', 'Tide',
  'Union', 'Liberty', 'Commerce', 'Exchange', 'Merchant', 'Guild', 'College', 'Academy', 'Chapel', 'Abbey',
  'Castle', 'Tower', 'Fort', 'Regent', 'Prince', 'Duke', 'Earl', 'Baron', 'Crown', 'Sovereign',
  'Summit', 'Valley', 'Meadow', 'Prairie', 'Forest', 'Grove', 'Glen', 'Heath', 'Moor', 'Brook',
  'Jade', 'Pearl', 'Coral', 'Amber', 'Ivory', 'Onyx', 'Opal', 'Ruby', 'Topaz', 'Garnet',
  'Lotus', 'Orchid', 'Peony', 'Camellia', 'Jasmine', 'Bamboo', 'Banyan', 'Lychee', 'Mango', 'Kapok',
  'Sunrise', 'Sunset', 'Rainbow', 'Horizon', 'Zenith', 'Aurora', 'Comet', 'Harmony', 'Unity', 'Concord',
  'Franklin', 'Lincoln', 'Jefferson', 'Madison', 'Monroe', 'Hamilton', 'Wellington', 'Nelson', 'Raleigh', 'Drake',
];
