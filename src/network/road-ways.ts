/**
 * Roads as read from a file, before any profile applies: the ways' node positions and per-way
 * attributes (OSM class, maxspeed, one-way, access). A graph is built from this per profile
 * (build-graph.ts), so one read serves walking, cycling and driving.
 */

/** Bits of `RoadWays.forbid`: the mode may not use the way (foot=no, bicycle=no, motor_vehicle=no …). */
export const FORBID_WALK = 1;
export const FORBID_BIKE = 2;
export const FORBID_DRIVE = 4;

export interface RoadWays {
  /** The file the roads came from, for messages. */
  source: string;
  nodeLon: Float64Array;
  nodeLat: Float64Array;
  /** Way w runs through nodes refs[wayStart[w] … wayStart[w+1]-1]. */
  wayStart: Int32Array;
  refs: Int32Array;
  /** OSM `highway` class per way (or the line file's class column). */
  highway: string[];
  /** Tagged maxspeed, km/h; NaN when untagged. */
  maxspeed: Float64Array;
  /** A speed the line file gives for every mode, km/h; NaN to use the profile's. */
  speed: Float64Array;
  /** 1 one-way along the node order, -1 against it, 0 both ways. */
  oneway: Int8Array;
  forbid: Uint8Array;
  /** OSM node ids (PBF input), to compare with tools that key vertices by them. */
  nodeOsmId?: Float64Array;
  notes: string[];
}

/** Collects ways as they are read and packs them into RoadWays. */
export class RoadWaysBuilder {
  private readonly refs: number[] = [];
  private readonly wayStart: number[] = [0];
  private readonly highway: string[] = [];
  private readonly maxspeed: number[] = [];
  private readonly speed: number[] = [];
  private readonly oneway: number[] = [];
  private readonly forbid: number[] = [];

  get wayCount(): number {
    return this.highway.length;
  }

  add(nodes: ArrayLike<number>, way: { highway: string; maxspeed: number; speed: number; oneway: number; forbid: number }): void {
    for (let i = 0; i < nodes.length; i++) this.refs.push(nodes[i]);
    this.wayStart.push(this.refs.length);
    this.highway.push(way.highway);
    this.maxspeed.push(way.maxspeed);
    this.speed.push(way.speed);
    this.oneway.push(way.oneway);
    this.forbid.push(way.forbid);
  }

  build(source: string, nodeLon: Float64Array, nodeLat: Float64Array, notes: string[], nodeOsmId?: Float64Array): RoadWays {
    return {
      ...(nodeOsmId ? { nodeOsmId } : {}),
      source,
      nodeLon,
      nodeLat,
      wayStart: Int32Array.from(this.wayStart),
      refs: Int32Array.from(this.refs),
      highway: this.highway,
      maxspeed: Float64Array.from(this.maxspeed),
      speed: Float64Array.from(this.speed),
      oneway: Int8Array.from(this.oneway),
      forbid: Uint8Array.from(this.forbid),
      notes,
    };
  }
}
