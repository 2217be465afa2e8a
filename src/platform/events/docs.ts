import { z } from 'zod';
import type { EventDefinition } from './event.ts';

/**
 * docs/events.md, written from the event catalog: every type with its version, meaning, subject and payload fields
 * (from the zod schema through `z.toJSONSchema`). The file is generated, never edited by hand, so it cannot drift
 * from what Aisle writes; a test fails when it is out of date (`npm run events:docs` writes it again).
 */

interface JsonSchema {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
}

interface Field {
  name: string;
  type: string;
  description: string;
}

const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

function typeOf(schema: JsonSchema): string {
  if (schema.anyOf) return schema.anyOf.map(typeOf).join(' or ');
  if (schema.enum) return schema.enum.map((value) => `\`${String(value)}\``).join(', ');
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : ['any'];
  return types
    .map((type) => {
      if (type === 'array') return `array of ${schema.items?.properties ? 'objects' : typeOf(schema.items ?? {})}`;
      if (type === 'string' && schema.format) return `string (${schema.format})`;
      return type;
    })
    .join(' or ');
}

/** The fields of an object schema, nested ones named with their path (`lines[].sku`). */
function fieldsOf(schema: JsonSchema, prefix = ''): Field[] {
  return Object.entries(schema.properties ?? {}).flatMap(([name, property]) => {
    const path = `${prefix}${name}`;
    const optional = schema.required?.includes(name) ? '' : ' (optional)';
    const field = { name: path, type: `${typeOf(property)}${optional}`, description: property.description ?? '' };
    const nested = property.properties ? fieldsOf(property, `${path}.`) : property.items?.properties ? fieldsOf(property.items, `${path}[].`) : [];
    return [field, ...nested];
  });
}

export function eventsMarkdown(catalog: readonly EventDefinition[]): string {
  const lines = [
    '# Events',
    '',
    '<!-- Generated from src/platform/events/catalog.ts by `npm run events:docs`: do not edit by hand. -->',
    '',
    'Every change that matters to another system is written to the outbox in the transaction that makes it, and read',
    'from `GET /v1/events` with a cursor, or followed live from `GET /v1/events/stream` as server-sent events that resume',
    'from `Last-Event-ID` (docs/architecture.md, "Live events"). Each event has a `type`, a `subject` (what it is about:',
    "keep the latest event per subject) and a `payload` whose shape is given here. A type's version goes up when a change",
    'would break a reader (a field removed, renamed or given another meaning); a new field keeps the version.',
    '',
    '| Type | Version | Subject | Meaning |',
    '| --- | --- | --- | --- |',
    ...catalog.map(
      (event) => `| [\`${event.type}\`](#${event.type.replaceAll('.', '')}) | ${event.version} | \`${event.subject}\` | ${cell(event.description)} |`,
    ),
  ];
  for (const event of catalog) {
    const schema = z.toJSONSchema(event.payload, { io: 'input' }) as JsonSchema;
    lines.push(
      '',
      `## ${event.type}`,
      '',
      `Version ${event.version}. Subject \`${event.subject}\`.`,
      '',
      event.description,
      '',
      '| Field | Type | Description |',
      '| --- | --- | --- |',
      ...fieldsOf(schema).map((field) => `| \`${field.name}\` | ${cell(field.type)} | ${cell(field.description)} |`),
    );
  }
  return `${lines.join('\n')}\n`;
}
