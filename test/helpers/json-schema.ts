/**
 * A JSON Schema checker for the keywords src/extension/report.schema.json uses (type, const, enum,
 * properties, required, additionalProperties: false, items, oneOf, $ref to #/$defs, minimum,
 * maximum, minLength, maxLength, maxItems, pattern). A keyword it does not know is an error, so
 * the schema cannot grow a rule this checker silently ignores. (ajv is not a dependency of the
 * project; this covers what the tests need.)
 */
type Schema = Record<string, unknown>;

const KNOWN = new Set([
  '$schema', '$id', 'title', 'description', 'format', '$defs',
  'type', 'const', 'enum', 'properties', 'required', 'additionalProperties', 'items', 'oneOf', '$ref',
  'minimum', 'maximum', 'minLength', 'maxLength', 'maxItems', 'pattern',
]);

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** Every way `value` breaks `schema`, as "path: problem" lines; [] when it conforms. */
export function schemaErrors(schema: Schema, value: unknown, root: Schema = schema, path = '$'): string[] {
  const errors: string[] = [];
  for (const key of Object.keys(schema)) if (!KNOWN.has(key)) throw new Error(`${path}: schema keyword ${key} is not supported by this checker`);
  if (typeof schema.$ref === 'string') {
    const name = /^#\/\$defs\/(.+)$/.exec(schema.$ref)?.[1];
    const target = name === undefined ? undefined : (root.$defs as Record<string, Schema> | undefined)?.[name];
    if (target === undefined) throw new Error(`${path}: unresolved $ref ${schema.$ref}`);
    errors.push(...schemaErrors(target, value, root, path));
  }
  if (schema.type !== undefined) {
    const allowed = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
    const actual = typeOf(value);
    if (!allowed.includes(actual) && !(actual === 'integer' && allowed.includes('number'))) {
      return [...errors, `${path}: is ${actual}, expected ${allowed.join(' or ')}`];
    }
  }
  if ('const' in schema && value !== schema.const) errors.push(`${path}: is ${JSON.stringify(value)}, expected ${JSON.stringify(schema.const)}`);
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) errors.push(`${path}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`);
  if (Array.isArray(schema.oneOf)) {
    const matching = (schema.oneOf as Schema[]).filter((option) => schemaErrors(option, value, root, path).length === 0).length;
    if (matching !== 1) errors.push(`${path}: matches ${matching} of the oneOf options, expected exactly 1`);
  }
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum) errors.push(`${path}: ${value} < minimum ${schema.minimum}`);
    if (typeof schema.maximum === 'number' && value > schema.maximum) errors.push(`${path}: ${value} > maximum ${schema.maximum}`);
  }
  if (typeof value === 'string') {
    if (typeof schema.minLength === 'number' && [...value].length < schema.minLength) errors.push(`${path}: shorter than ${schema.minLength}`);
    if (typeof schema.maxLength === 'number' && [...value].length > schema.maxLength) errors.push(`${path}: longer than ${schema.maxLength}`);
    if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value)) errors.push(`${path}: does not match ${schema.pattern}`);
  }
  if (Array.isArray(value)) {
    if (typeof schema.maxItems === 'number' && value.length > schema.maxItems) errors.push(`${path}: more than ${schema.maxItems} items`);
    if (schema.items !== undefined) value.forEach((item, i) => errors.push(...schemaErrors(schema.items as Schema, item, root, `${path}[${i}]`)));
  }
  if (typeOf(value) === 'object') {
    const record = value as Record<string, unknown>;
    const properties = (schema.properties ?? {}) as Record<string, Schema>;
    for (const name of (schema.required as string[] | undefined) ?? []) if (!(name in record)) errors.push(`${path}: ${name} is missing`);
    for (const [name, item] of Object.entries(record)) {
      if (name in properties) errors.push(...schemaErrors(properties[name]!, item, root, `${path}.${name}`));
      else if (schema.additionalProperties === false) errors.push(`${path}: ${name} is not allowed`);
    }
  }
  return errors;
}
