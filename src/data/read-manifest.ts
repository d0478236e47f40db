/** bundle.json bytes → a checked BundleManifest, or one sentence saying what to fix. */
import { BundleManifest } from './bundle-manifest.ts';
import { BundleError } from '../errors.ts';
import { LAYER_NAMES } from './layer.ts';

function pathLabel(path: PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('');
}

function valueAt(doc: unknown, path: PropertyKey[]): unknown {
  let v: unknown = doc;
  for (const key of path) {
    if (typeof v !== 'object' || v === null) return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

export function readManifest(file: string, bytes: Uint8Array): BundleManifest {
  let doc: unknown;
  try {
    doc = JSON.parse(new TextDecoder('utf-8').decode(bytes));
  } catch (err) {
    throw new BundleError(file, `${file} is not valid JSON (${err instanceof Error ? err.message : String(err)}); fix the syntax.`, { cause: err });
  }
  const parsed = BundleManifest.safeParse(doc);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = pathLabel(issue.path);
  const last = issue.path[issue.path.length - 1];
  if (last === 'layer') {
    const value = valueAt(doc, issue.path);
    throw new BundleError(file, `${file}: ${where} is '${String(value)}', which is not a layer; use one of ${LAYER_NAMES.join(', ')}.`);
  }
  throw new BundleError(file, `${file}: ${where === '' ? 'the manifest' : where} ${issue.message.replace(/^Invalid input: /, '').toLowerCase()}; fix it (see schema/bundle.schema.json).`);
}
