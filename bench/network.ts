/**
 * Street-network benchmark (issue 17), `npm run bench:network -- [--pbf FILE] [--pairs 1000]`:
 * 1. Read the Porto Alegre extract and build the walk and drive graphs (median of 3).
 * 2. Goals: a 15-minute walk trade area (median over 50 sites) and a 1 000 × 10 000 matrix bounded
 *    at 15 minutes' walk (origins and targets: random points within 200 m of a street), by plain
 *    searches and on the hierarchy.
 * 2b. The binary heap against a bucket queue (bench/network-bucket-queue.ts) on the same searches.
 * 3. Against pgRouting on the same extract (bench/setup-pgrouting.sh loads it; skipped when the peer
 *    is not running): shortest-path lengths between the same vertex pairs (OSM nodes both tools
 *    keep), and a many-to-many matrix timed beside pgr_dijkstraCost in one run (ours by plain
 *    Dijkstra per source and by RPHAST on the contraction hierarchy, whose build and cached load
 *    are timed apart; CPU time of both processes beside the wall clock). Both sides use the classes of
 *    osm2pgrouting's mapconfig.xml, undirected, cost = length in metres.
 * `--peer-only` runs section 3 alone. Times are wall clock (and CPU where said) on a shared
 * machine: the load average is printed with them.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildGraph } from '../src/network/build-graph.ts';
import { costMatrix } from '../src/network/cost-matrix.ts';
import { hierarchyFromBytes, hierarchyToBytes } from '../src/network/hierarchy-bytes.ts';
import { Search } from '../src/network/dijkstra.ts';
import { profileFor } from '../src/network/profiles.ts';
import { readOsmRoads } from '../src/network/read-osm-roads.ts';
import type { RoadGraph } from '../src/network/road-graph.ts';
import { Router } from '../src/network/router.ts';
import { tradeAreas } from '../src/network/trade-area.ts';
import { mulberry32 } from '../src/sensitivity/random.ts';
import { BucketSearch } from './network-bucket-queue.ts';

const { values: opt } = parseArgs({
  options: {
    pbf: { type: 'string', default: resolve(import.meta.dirname, '..', '..', 'shared', 'data', 'porto-alegre', 'poa_osm.pbf') },
    pairs: { type: 'string', default: '1000' },
    'm2m-sources': { type: 'string', default: '100' },
    'm2m-targets': { type: 'string', default: '1000' },
    port: { type: 'string', default: '54331' },
    /** Only the comparison with pgRouting (section 3). */
    'peer-only': { type: 'boolean', default: false },
  },
});
const load = () => `load ${loadavg()[0].toFixed(1)}`;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const time = <T>(f: () => T): { value: T; ms: number } => {
  const t0 = performance.now();
  const value = f();
  return { value, ms: performance.now() - t0 };
};

const bytes = new Uint8Array(readFileSync(opt.pbf));
console.log(`extract ${opt.pbf} (${(bytes.length / 1e6).toFixed(1)} MB)`);

if (!opt['peer-only']) {
  // 1. Build
  for (const name of ['walk', 'drive'] as const) {
    const runs = [0, 1, 2].map(() => time(() => buildGraph(readOsmRoads('extract', bytes), profileFor(name))));
    const g = runs[0].value;
    console.log(`build ${name}: read + graph ${median(runs.map((r) => r.ms)).toFixed(0)} ms (median of 3; ${g.nodeLon.length} nodes, ${g.segments.a.length} segments) [${load()}]`);
  }
}
const ways = readOsmRoads('extract', bytes);
const rng = mulberry32(17);

if (!opt['peer-only']) {
  // 2. Goals
  const walk = new Router(buildGraph(ways, profileFor('walk')), 'time');
  /** Random points near the network: a random segment's midpoint moved up to ~140 m. */
  function nearStreets(graph: RoadGraph, n: number): { lon: Float64Array; lat: Float64Array } {
    const lon = new Float64Array(n);
    const lat = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const s = Math.floor(rng() * graph.segments.a.length);
      const a = graph.segments.a[s], b = graph.segments.b[s];
      lon[i] = (graph.nodeLon[a] + graph.nodeLon[b]) / 2 + (rng() - 0.5) * 0.002;
      lat[i] = (graph.nodeLat[a] + graph.nodeLat[b]) / 2 + (rng() - 0.5) * 0.002;
    }
    return { lon, lat };
  }
  walk.snap(nearStreets(walk.graph, 1)); // the snap index, built once per router
  const sites = nearStreets(walk.graph, 50);
  const areaTimes = Array.from(sites.lon, (lon, i) => time(() => tradeAreas(walk, { site: { lon, lat: sites.lat[i] }, thresholds: [5, 10, 15] })).ms);
  console.log(`trade area 5/10/15 min walk: median ${median(areaTimes).toFixed(1)} ms, max ${Math.max(...areaTimes).toFixed(1)} ms over 50 sites (goal ≤ 30 ms) [${load()}]`);
  const origins = nearStreets(walk.graph, 1000);
  const targets = nearStreets(walk.graph, 10_000);
  const m = time(() => costMatrix(walk, origins, targets, { max: 15 * 60 }));
  console.log(`matrix 1 000 × 10 000 walk ≤ 15 min: ${(m.ms / 1000).toFixed(2)} s, ${m.value.value.length} pairs kept, ${m.value.unsnappedFrom.length + m.value.unsnappedTo.length} points unsnapped (goal ≤ 10 s) [${load()}]`);
  {
    const h = time(() => walk.hierarchy());
    const mh = time(() => costMatrix(walk, origins, targets, { max: 15 * 60, hierarchy: h.value }));
    console.log(`  the same on the walk-time hierarchy (built in ${(h.ms / 1000).toFixed(2)} s): ${(mh.ms / 1000).toFixed(2)} s, ${mh.value.value.length} pairs [${load()}]`);
  }

  // Queues: the binary heap against a bucket queue on the same unbounded walk searches (seconds).
  {
    const rows = walk.graph.out;
    const heap = new Search(rows, rows.time);
    const sources = Array.from({ length: 200 }, () => Math.floor(rng() * (rows.start.length - 1)));
    const h = time(() => { for (const s of sources) heap.run([s], [0]); });
    for (const width of [1, 5, 20]) {
      const bucket = new BucketSearch(rows, rows.time, width);
      let same = true;
      const bq = time(() => { for (const s of sources) bucket.run([s], [0]); });
      for (const s of sources.slice(0, 5)) {
        heap.run([s], [0]);
        bucket.run([s], [0]);
        for (let v = 0; v < rows.start.length - 1; v++) if (Math.abs(heap.dist[v] - bucket.dist[v]) > 1e-6) same = false;
      }
      console.log(`queue: 200 full walk searches, binary heap ${h.ms.toFixed(0)} ms, bucket queue (${width} s buckets) ${bq.ms.toFixed(0)} ms, same costs: ${same} [${load()}]`);
    }
  }
}

// 3. pgRouting
const psqlArgs = ['-X', '-At', '-h', '127.0.0.1', '-p', opt.port, '-U', 'postgres', '-d', 'routing'];
function psql(...commands: string[]): string {
  return execFileSync('psql', [...psqlArgs, ...commands.flatMap((c) => ['-c', c])], { encoding: 'utf8', maxBuffer: 1 << 30 });
}
let peer = true;
try {
  psql('SELECT pgr_version()');
} catch {
  peer = false;
  console.log('pgRouting peer not running on 127.0.0.1:' + opt.port + ': run bash bench/setup-pgrouting.sh first; comparison skipped');
}
if (peer) {
  const classes = psql("SELECT tag_value FROM configuration WHERE tag_key = 'highway'").trim().split('\n');
  // The same classes, every one at one speed, no one-ways, no access rules: lengths only.
  const same = profileFor('walk', { speeds: Object.fromEntries([...Object.keys(profileFor('walk').speeds).map((c) => [c, 0]), ...classes.map((c) => [c, 5])]) });
  const graph = buildGraph({ ...ways, forbid: new Uint8Array(ways.forbid.length) }, same);
  const router = new Router(graph, 'length');
  const vertices = psql('SELECT id, osm_id FROM ways_vertices_pgr').trim().split('\n').map((l) => l.split('|').map(Number));
  const ours = new Map<number, number>();
  graph.nodeOsmId!.forEach((id, v) => ours.set(id, v));
  // Vertices both keep, in our largest component (snapping only reaches that one).
  const reachable = router.reach(router.snap({ lon: Float64Array.of(graph.nodeLon[0]), lat: Float64Array.of(graph.nodeLat[0]) }), 0, Infinity, 'from');
  const common = vertices.filter(([, osm]) => ours.has(osm) && Number.isFinite(reachable.dist[ours.get(osm)!]));
  console.log(`pgRouting: ${vertices.length} vertices, ${common.length} also ours and in the connected network; classes: ${classes.length}`);
  const pairCount = Number(opt.pairs);
  const pick = () => common[Math.floor(rng() * common.length)];
  const pairs = Array.from({ length: pairCount }, () => [pick(), pick()]);
  /** Positions of vertices ([pgRouting id, OSM id]) in our graph. */
  const at = (rows: number[][]) => ({ lon: Float64Array.from(rows, (r) => graph.nodeLon[ours.get(r[1])!]), lat: Float64Array.from(rows, (r) => graph.nodeLat[ours.get(r[1])!]) });
  // Ours: pair by pair (one-to-one searches).
  const a = at(pairs.map((p) => p[0])), b = at(pairs.map((p) => p[1]));
  const sa = router.snap(a), sb = router.snap(b);
  const oursLen = pairs.map((_, k) => router.costAt(router.reach(sa, k, Infinity, 'from'), 'from', sa, k, sb, k));
  const comb = pairs.map(([p, q]) => `(${p[0]},${q[0]})`).join(',');
  const edges = 'SELECT gid AS id, source, target, length_m AS cost FROM ways';
  const theirs = new Map<string, number>();
  for (const line of psql(`SELECT start_vid, end_vid, agg_cost FROM pgr_dijkstraCost('${edges}', 'SELECT * FROM (VALUES ${comb}) AS t(source, target)', directed => false)`).trim().split('\n')) {
    const [s, t, c] = line.split('|').map(Number);
    theirs.set(`${s},${t}`, c);
  }
  let within = 0, compared = 0, worst = 0;
  const rel: number[] = [];
  pairs.forEach(([p, q], k) => {
    if (p[0] === q[0]) return;
    const t = theirs.get(`${p[0]},${q[0]}`);
    if (t === undefined) return;
    compared++;
    const r = Math.abs(oursLen[k] - t) / t;
    rel.push(r);
    worst = Math.max(worst, r);
    if (r <= 0.01) within++;
  });
  console.log(`lengths: ${within} of ${compared} pairs within 1 % (${((100 * within) / compared).toFixed(2)} %); median relative difference ${(100 * median(rel)).toFixed(3)} %, worst ${(100 * worst).toFixed(3)} %; mean ours/theirs ${(oursLen.reduce((s, x, k) => s + x / (theirs.get(`${pairs[k][0][0]},${pairs[k][1][0]}`) ?? x), 0) / pairCount).toFixed(5)}`);

  // Many-to-many, same vertices, timed in one run: plain Dijkstra per source, and RPHAST on the
  // contraction hierarchy (built once per graph and metric and cached; its build and its load
  // from the cache timed on their own). pgr_dijkstraCost builds its graph from the edge query on
  // every call: that is the peer as used. Ours: the first query here (its code not yet compiled
  // only with --peer-only: section 2 has run it on the walk-time hierarchy) and the median of three
  // more; theirs: the median of three.
  const S = common.slice(0, Number(opt['m2m-sources']));
  const T = common.slice(S.length, S.length + Number(opt['m2m-targets']));
  const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
  const timed = <T>(f: () => T): { value: T; ms: number; cpu: number } => {
    const c = cpu();
    const r = time(f);
    return { ...r, cpu: cpu() - c };
  };
  const built = timed(() => router.hierarchy());
  const cacheDir = mkdtempSync(join(tmpdir(), 'bench-hierarchy-'));
  const cacheFile = join(cacheDir, 'walk.length.hierarchy');
  const cacheBytes = hierarchyToBytes(built.value, 'bench');
  writeFileSync(cacheFile, cacheBytes);
  const loaded = timed(() => hierarchyFromBytes(new Uint8Array(readFileSync(cacheFile)), 'bench')!);
  rmSync(cacheDir, { recursive: true });
  console.log(`contraction hierarchy (length, same classes): built in ${built.ms.toFixed(0)} ms wall, ${built.cpu.toFixed(0)} ms CPU, ${built.value.shortcuts} shortcuts over ${graph.out.node.length} edges; read from its cache file (${(cacheBytes.length / 1e6).toFixed(1)} MB) in ${loaded.ms.toFixed(1)} ms wall, ${loaded.cpu.toFixed(1)} ms CPU [${load()}]`);
  const plainM = time(() => costMatrix(router, at(S), at(T)));
  const first = timed(() => costMatrix(router, at(S), at(T), { hierarchy: loaded.value }));
  let worstM = 0;
  for (let k = 0; k < first.value.value.length; k++) worstM = Math.max(worstM, Math.abs(first.value.value[k] - plainM.value.value[k]));
  const warm = [0, 1, 2].map(() => timed(() => costMatrix(router, at(S), at(T), { hierarchy: loaded.value })));
  const warmMs = median(warm.map((w) => w.ms));
  const warmCpu = median(warm.map((w) => w.cpu));
  console.log(`  plain Dijkstra per source ${plainM.ms.toFixed(0)} ms (${plainM.value.value.length} pairs); hierarchy first query${opt['peer-only'] ? ' (cold)' : ' (code already run in section 2)'} ${first.ms.toFixed(0)} ms wall, ${first.cpu.toFixed(0)} ms CPU, warm ${warmMs.toFixed(0)} ms wall, ${warmCpu.toFixed(0)} ms CPU (median of 3; ${first.value.value.length} pairs, largest difference from plain ${worstM.toExponential(1)} m) [${load()}]`);
  const sql = `SELECT count(*), sum(agg_cost) FROM pgr_dijkstraCost('${edges}', ARRAY[${S.map((r) => r[0]).join(',')}]::bigint[], ARRAY[${T.map((r) => r[0]).join(',')}]::bigint[], directed => false)`;
  psql('SELECT 1'); // warm the connection path
  // The backend's own CPU time (utime + stime of /proc/self/stat, in 1/100 s) around the query.
  const backendCpu = "SELECT 'cpu ' || (split_part(s, ' ', 14)::bigint + split_part(s, ' ', 15)::bigint) * 10 FROM pg_read_file('/proc/self/stat') AS s";
  const theirRuns = [0, 1, 2].map(() => {
    const out = psql(backendCpu, '\\timing on', sql, backendCpu);
    const cpuMarks = [...out.matchAll(/^cpu (\d+)$/gm)].map((x) => Number(x[1]));
    const [count, sum] = out.split('\n').find((l) => /^\d+\|[\d.]+$/.test(l))!.split('|').map(Number);
    return { ms: Number(/Time: ([\d.]+) ms/.exec(out)?.[1] ?? NaN), cpu: cpuMarks[1] - cpuMarks[0], count, sum };
  });
  const server = median(theirRuns.map((r) => r.ms));
  const serverCpu = median(theirRuns.map((r) => r.cpu));
  const { count, sum } = theirRuns[0];
  const oursSum = first.value.value.reduce((s, x) => s + x, 0);
  const bounded = time(() => costMatrix(router, at(S), at(T), { max: 2000 }));
  console.log(`  the same, ours bounded at 2 km by plain searches (what the optimisation door asks for): ${bounded.ms.toFixed(0)} ms, ${bounded.value.value.length} pairs`);
  const ratio = (theirs: number, ours: number): string => `${(theirs / ours).toFixed(1)}×`;
  console.log(`many-to-many ${S.length} × ${T.length}: ours ${first.value.value.length} pairs, Σ ${(oursSum / 1000).toFixed(1)} km; pgr_dijkstraCost ${count} pairs, Σ ${(sum / 1000).toFixed(1)} km, ${server.toFixed(0)} ms in the server, ${serverCpu} ms CPU (median of 3: ${theirRuns.map((r) => `${r.ms.toFixed(0)}/${r.cpu}`).join(', ')} ms wall/CPU)`);
  console.log(`  ratio, CPU: first query ${ratio(serverCpu, first.cpu)}, warm ${ratio(serverCpu, warmCpu)}; with the hierarchy read from its cache ${ratio(serverCpu, first.cpu + loaded.cpu)}; with its build ${ratio(serverCpu, first.cpu + built.cpu)}`);
  console.log(`  ratio, wall: first query ${ratio(server, first.ms)}, warm ${ratio(server, warmMs)}; with the hierarchy read from its cache ${ratio(server, first.ms + loaded.ms)}; with its build ${ratio(server, first.ms + built.ms)}; plain Dijkstra ${ratio(server, plainM.ms)} [${load()}]`);
}
