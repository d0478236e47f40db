/** The help text of `siteselect huff`, apart from the command so that `--help` loads nothing else. */
export const USAGE = `Usage: siteselect huff --bundle DIR [--sites ID,ID…] [--out FILE] [options]

The Huff model outlet by outlet: for each candidate c, one row for c and one for every own outlet
and competitor that serves c's trade area (the demand within the cut-off of c), with
  probability_before, probability_after  the mean Huff probability P_ij over c's trade area
                                         (weighted by its demand) without and with c open;
                                         the rows of one candidate sum to 1 after opening
  capture_before, capture_after, change  the outlet's captured demand over all its demand
c's capture_after is its huff_share capture; the own outlets' change sums to minus its
cannibalisation. The scenario's huff settings (alpha, beta, cut-off, floor) and its first
huff_share (else cannibalisation) criterion's demand column and brands are used; a site's
attractiveness is its attractiveness column, else its type's (outletTypes[candidateType]).

Options:
  --bundle DIR|FILE   the bundle folder or its manifest (also accepted as the first argument)
  --scenario FILE     scenario JSON [<bundle>/scenario.json]
  --candidates FILE   sites to detail instead of the bundle's candidates layer
  --id-column NAME    the id column of --candidates when it is not detected
  --crs NAME          coordinate system of --candidates: wgs84, gcj02, bd09 or 3857 [wgs84]
  --sites ID,ID…      only these candidates [all]
  --out FILE          the CSV written [huff.csv]
  --quiet, -q         print nothing but errors
  --help              this text

Exit status: 0 done, 1 failure, 2 bad usage or an unusable file.`;
