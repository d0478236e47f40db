/**
 * GeoTIFF demand loading: `node --import tsx bench/raster.ts`. (1) the shared Coimbatore WorldPop
 * raster (27 × 28) read whole; (2) a 10 000 × 10 000 Float32 raster of seeded random values
 * (tiled 256 × 256, Deflate; made once into /tmp by gdal_translate when GDAL is installed) windowed
 * to a 1.5° × 1.5° city (300 × 300 cells), from bytes in memory and (3) by byte range from the file,
 * where only its header and the tiles under the window are read from disk. Goals: ≤ 100 ms and ≤ 3 s.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadLayerFile, type LoadLayerFileOptions } from '../src/data/load-layer-file.ts';
import { nodeFileSource } from '../src/node/file-source.ts';

async function time(label: string, bytes: Uint8Array, opts: LoadLayerFileOptions = {}): Promise<void> {
  for (let run = 0; run < 3; run++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const { report } = await loadLayerFile('raster.tif', bytes, { layer: 'demand', file: 'raster.tif' }, opts);
    const ms = performance.now() - t0;
    const cpu = process.cpuUsage(c0);
    console.log(`${label} run ${run + 1}: wall ${ms.toFixed(0)} ms, cpu ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms, ${report.loaded} cells`);
  }
}

const coimbatore = fileURLToPath(new URL('../../shared/data/coimbatore/coimbatore_population.tif', import.meta.url));
await time('Coimbatore 27 × 28', new Uint8Array(readFileSync(coimbatore)));

const big = '/tmp/siteselect-bench-10000.tif';
if (!existsSync(big)) {
  try {
    // 10 000 × 10 000 cells of 0.005° over [70°E, 120°E] × [0°N, 50°N]: raw Float32 rows (a tenth
    // nodata) described by a VRT, then written as a tiled, compressed GeoTIFF.
    const raw = '/tmp/siteselect-bench-10000.bin';
    let seed = 42;
    const rows = new Float32Array(10000 * 1000);
    const out: Buffer[] = [];
    for (let block = 0; block < 10; block++) {
      for (let i = 0; i < rows.length; i++) {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        rows[i] = seed % 10 === 0 ? -99999 : (seed / 2147483648) * 500;
      }
      out.push(Buffer.from(rows.buffer.slice(0)));
    }
    writeFileSync(raw, Buffer.concat(out));
    const vrt = `<VRTDataset rasterXSize="10000" rasterYSize="10000"><SRS>EPSG:4326</SRS><GeoTransform>70, 0.005, 0, 50, 0, -0.005</GeoTransform>
<VRTRasterBand dataType="Float32" band="1" subClass="VRTRawRasterBand"><NoDataValue>-99999</NoDataValue><SourceFilename relativetoVRT="0">${raw}</SourceFilename>
<ImageOffset>0</ImageOffset><PixelOffset>4</PixelOffset><LineOffset>40000</LineOffset><ByteOrder>LSB</ByteOrder></VRTRasterBand></VRTDataset>`;
    writeFileSync(raw + '.vrt', vrt);
    execFileSync('gdal_translate', ['-q', '-co', 'TILED=YES', '-co', 'COMPRESS=DEFLATE', raw + '.vrt', big], { stdio: 'inherit' });
    rmSync(raw);
    rmSync(raw + '.vrt');
  } catch {
    console.log('gdal_create is not installed (apt-get install gdal-bin): the 10 000 × 10 000 case is skipped');
    process.exit(0);
  }
}
const bytes = new Uint8Array(readFileSync(big));
console.log(`10 000 × 10 000 raster: ${(bytes.length / 1e6).toFixed(1)} MB on disk`);
await time('10 000 × 10 000 windowed to 1.5° × 1.5°', bytes, { studyArea: [100, 30, 101.5, 31.5] });

// (3) The same window by byte range: timing includes opening the file and reading its tiles from disk.
const source = nodeFileSource('/tmp');
for (let run = 0; run < 3; run++) {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const ranges = await (source.openRanges?.('siteselect-bench-10000.tif') ?? Promise.reject(new Error('no range reads')));
  const head = await ranges.read(0, 16);
  const { report } = await loadLayerFile('raster.tif', head, { layer: 'demand', file: 'raster.tif' }, { studyArea: [100, 30, 101.5, 31.5], ranges });
  await ranges.close();
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  console.log(`10 000 × 10 000 by range, windowed run ${run + 1}: wall ${ms.toFixed(0)} ms, cpu ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms, ${report.loaded} cells, ${(ranges.bytesRead / 1e6).toFixed(2)} MB read of ${(ranges.size / 1e6).toFixed(1)} MB`);
}
