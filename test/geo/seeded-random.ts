/** mulberry32 (the project's seeded generator), so randomized tests repeat exactly. */
export { mulberry32 as seededRandom } from '../../src/sensitivity/random.ts';
