/** The bundle manifest's attribution line (the loaded bundle does not carry it). Node only. */
import { readFile } from 'node:fs/promises';
import { readManifest } from '../data/read-manifest.ts';

export async function readAttribution(manifestFile: string): Promise<string | undefined> {
  return readManifest(manifestFile, new Uint8Array(await readFile(manifestFile))).attribution;
}
