import { describe, expect, it } from 'vitest';
import { waySpeed } from '../../src/network/build-graph.ts';
import { parseMaxspeed, parseOneway, profileFor } from '../../src/network/profiles.ts';
import { forbiddenModes } from '../../src/network/read-osm-roads.ts';
import { FORBID_BIKE, FORBID_DRIVE, FORBID_WALK, RoadWaysBuilder } from '../../src/network/road-ways.ts';

describe('travel profiles', () => {
  it('reads maxspeed in km/h and mph, and nothing else', () => {
    expect(parseMaxspeed('50')).toBe(50);
    expect(parseMaxspeed('30 mph')).toBeCloseTo(48.28032, 5);
    expect(parseMaxspeed('BR:urban')).toBeNaN();
    expect(parseMaxspeed(undefined)).toBeNaN();
  });

  it('reads oneway and roundabouts', () => {
    expect(parseOneway('yes')).toBe(1);
    expect(parseOneway('-1')).toBe(-1);
    expect(parseOneway('no', 'roundabout')).toBe(0);
    expect(parseOneway(undefined, 'roundabout')).toBe(1);
    expect(parseOneway(undefined)).toBe(0);
  });

  it('closes ways to modes by access tags, a mode’s own tag winning over the general one', () => {
    expect(forbiddenModes({ highway: 'footway', bicycle: 'no' })).toBe(FORBID_BIKE);
    expect(forbiddenModes({ highway: 'service', access: 'private', foot: 'yes' })).toBe(FORBID_BIKE | FORBID_DRIVE);
    expect(forbiddenModes({ highway: 'pedestrian', area: 'yes' })).toBe(FORBID_WALK | FORBID_BIKE | FORBID_DRIVE);
  });

  it('takes maxspeed for driving, the class speed otherwise; overrides change or forbid a class', () => {
    const b = new RoadWaysBuilder();
    b.add([0, 1], { highway: 'primary', maxspeed: 60, speed: NaN, oneway: 0, forbid: 0 });
    b.add([1, 2], { highway: 'footway', maxspeed: NaN, speed: NaN, oneway: 0, forbid: 0 });
    const ways = b.build('t', new Float64Array(3), new Float64Array(3), []);
    expect(waySpeed(ways, 0, profileFor('drive'))).toBe(60);
    expect(waySpeed(ways, 0, profileFor('drive', { maxspeed: false }))).toBe(50);
    expect(waySpeed(ways, 1, profileFor('drive'))).toBe(0);
    expect(waySpeed(ways, 1, profileFor('walk'))).toBe(4.8);
    expect(waySpeed(ways, 1, profileFor('walk', { speeds: { footway: 0 } }))).toBe(0);
    expect(waySpeed(ways, 0, profileFor('walk', { speeds: { primary: 3 } }))).toBe(3);
    expect(() => profileFor('fly')).toThrow(/unknown travel profile 'fly'/);
  });
});
