/** A candidate file with each of toLayer's whole-file decisions at work, shared by the block reader's tests (Node, native DuckDB) and the page's (DuckDB-WASM). */

/** Rows 1–13 of each kind: a lat/lon swap inside the ranges (DC), a repeated id, a missing id, 'n/a' rents, look-alike ids, a column that is text in one row of 40 and in five rejected rows. */
export function edgeCsv(n = 400): string {
  const rows = ['id,lon,lat,rent,grade,code,note'];
  for (let i = 0; i < n; i++) {
    let lon = (-77.1 + (i % 20) * 0.01).toFixed(4);
    let lat = (38.85 + Math.floor(i / 20) * 0.01).toFixed(4);
    let id = `S${i}`;
    if (i % 97 === 13) [lon, lat] = [lat, lon];
    if (i % 50 === 7) id = `S${i - 3}`;
    if (i % 83 === 5) id = '';
    if (i % 120 === 11) id = `s${i - 1}`;
    if (i === 40) id = `S\u200B${i + 1}`;
    const grade = i % 40 === 9 ? 'B+' : i % 97 === 13 || i % 50 === 7 ? 'x' : String(i % 5);
    rows.push(`${id},${lon},${lat},${i % 61 === 3 ? 'n/a' : 1000 + i},${grade},0${i % 7},"a, ""quoted"" note ${i}"`);
  }
  return rows.join('\r\n') + '\r\n';
}
