/** The help text of `siteselect territories`, apart from the command so that `--help` loads nothing else. */
export const USAGE = `Usage: siteselect territories --bundle DIR|FILE [--radius METRES] [--rule nearest|balanced]
         [--conflict-share S] [--out FILE.geojson] [--json]

Gives each own outlet (the bundle's network layer) an exclusive territory of demand points:
  nearest    every point to its nearest outlet (default)
  balanced   outlets priced until their territories hold about the same demand, each point kept
             with a near outlet
Reports each territory's demand, share and balance (demand / mean; 1 = even), and the conflicts:
pairs of outlets whose trade areas (demand within --radius, default 1000 m) share at least
--conflict-share (default 0.1) of the smaller one's, with the demand they share (窜货).

  --out FILE.geojson   the territories as polygons: the demand points' Voronoi cells dissolved per
                       outlet, clipped to the study area (the bundle's districts, else its
                       regions, else the demand's bounding box) (properties: outlet, demand,
                       share, balance, points)
  --json               one JSON object: territories, conflicts, unassigned demand

Distances are great-circle metres. Exit status: 0 done, 1 failure, 2 bad usage or input.`;
