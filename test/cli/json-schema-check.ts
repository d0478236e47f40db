/**
 * A small JSON Schema (2020-12 subset) checker for the committed summary schemas: type, enum,
 * minimum/maximum, required, properties, additionalProperties: false, items, anyOf. Enough to catch
 * a --json output drifting from the committed file without another dependency. Returns the errors.
 */
export interface JsonSchema {
  type?: string;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  required?: string[];
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
}

function typeOk(type: string, v: unknown): boolean {
  switch (type) {
    case 'null': return v === null;
    case 'boolean': return typeof v === 'boolean';
    case 'string': return typeof v === 'string';
    case 'number': return typeof v === 'number' && Number.isFinite(v);
    case 'integer': return Number.isInteger(v);
    case 'array': return Array.isArray(v);
    case 'object': return typeof v === 'object' && v !== null && !Array.isArray(v);
    default: return false;
  }
}

export function checkJsonSchema(schema: JsonSchema, v: unknown, at = '$'): string[] {
  if (schema.anyOf) {
    const each = schema.anyOf.map((s) => checkJsonSchema(s, v, at));
    return each.some((e) => e.length === 0) ? [] : [`${at}: matches none of anyOf (${each.map((e) => e[0]).join(' | ')})`];
  }
  if (schema.type && !typeOk(schema.type, v)) return [`${at}: expected ${schema.type}, got ${JSON.stringify(v)}`];
  const errors: string[] = [];
  if (schema.enum && !schema.enum.includes(v)) errors.push(`${at}: ${JSON.stringify(v)} not in ${JSON.stringify(schema.enum)}`);
  if (typeof v === 'number') {
    if (schema.minimum !== undefined && v < schema.minimum) errors.push(`${at}: ${v} < ${schema.minimum}`);
    if (schema.maximum !== undefined && v > schema.maximum) errors.push(`${at}: ${v} > ${schema.maximum}`);
  }
  if (Array.isArray(v) && schema.items) v.forEach((x, i) => errors.push(...checkJsonSchema(schema.items as JsonSchema, x, `${at}[${i}]`)));
  if (typeOk('object', v)) {
    const o = v as Record<string, unknown>;
    for (const key of schema.required ?? []) if (!(key in o)) errors.push(`${at}: missing ${key}`);
    for (const [key, value] of Object.entries(o)) {
      const sub = schema.properties?.[key];
      if (sub) errors.push(...checkJsonSchema(sub, value, `${at}.${key}`));
      else if (schema.additionalProperties === false) errors.push(`${at}: unexpected ${key}`);
    }
  }
  return errors;
}
