import { z } from 'zod';
import { type Operation, operations } from './operations';

type Json = Record<string, unknown>;

/** Request schemas as a client writes them (before coercion and defaults), answers as the server sends them. */
const requestSchema = (schema: z.ZodType): Json =>
  strip(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Json);
const responseSchema = (schema: z.ZodType): Json =>
  strip(z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }) as Json);

/** The document's own dialect (OpenAPI 3.1 is JSON Schema 2020-12) needs no `$schema` in each. */
function strip({ $schema: _, ...schema }: Json): Json {
  return schema;
}

const problemSchema = {
  type: 'object',
  description: 'RFC 9457 problem details; `title` and `detail` in Vietnamese, then English.',
  required: ['type', 'title', 'status', 'detail'],
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        required: ['path', 'message'],
        properties: { path: { type: 'string' }, message: { type: 'string' } },
      },
    },
  },
};

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid request: nothing was stored.',
  401: 'No token, or a wrong or revoked one.',
  403: 'Not allowed for this role (or, for /metrics, this address).',
  404: 'No such resource.',
  413: 'The body is larger than the server accepts.',
  429: 'Too many requests (or failed authentications); retry after `Retry-After` seconds.',
  503: 'Unavailable (database unreachable, disk full); retry after `Retry-After` seconds when given.',
};

function parameters(where: 'path' | 'query', schema: z.ZodObject | undefined): Json[] {
  if (!schema) return [];
  const json = requestSchema(schema) as { properties?: Record<string, Json>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: where,
    required: where === 'path' || (json.required ?? []).includes(name),
    schema: property,
  }));
}

function errorResponses(operation: Operation): Json {
  const statuses = new Set(operation.errors);
  if (operation.auth === 'bearer') {
    statuses.add(401);
    statuses.add(429);
  }
  return Object.fromEntries(
    [...statuses]
      .sort((a, b) => a - b)
      .map((status) => [
        String(status),
        {
          description: ERROR_DESCRIPTIONS[status] ?? 'Error.',
          content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
        },
      ]),
  );
}

function successResponse({ response }: Operation): Json {
  if (response.contentTypes) {
    const content = Object.fromEntries(response.contentTypes.map((type) => [type, { schema: { type: 'string' } }]));
    return { description: response.description, content };
  }
  const media: Json = { schema: response.schema ? responseSchema(response.schema) : {} };
  if (response.example !== undefined) media.example = response.example;
  return { description: response.description, content: { 'application/json': media } };
}

function operationObject(operation: Operation): Json {
  const object: Json = {
    summary: operation.summary,
    parameters: [...parameters('path', operation.params), ...parameters('query', operation.query)],
    responses: { '200': successResponse(operation), ...errorResponses(operation) },
  };
  if (operation.body) {
    const media: Json = { schema: requestSchema(operation.body) };
    if (operation.bodyExample !== undefined) media.example = operation.bodyExample;
    object.requestBody = { required: true, content: { 'application/json': media } };
  }
  if (operation.auth === 'bearer') object.security = [{ bearer: [] }];
  if (operation.auth === 'metrics') object.security = [{}, { metricsToken: [] }];
  if (operation.auth === 'none') object.security = [];
  return object;
}

/** The OpenAPI 3.1 document of the API, generated from the routes' own schemas (`operations.ts`). */
export function openApiDocument(version: string): Json {
  const paths: Record<string, Json> = {};
  for (const operation of operations) {
    paths[operation.path] = { ...paths[operation.path], [operation.method]: operationObject(operation) };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Gom',
      version,
      description:
        'The Gom server: sync of a unit’s clips and its reports. A bearer token names the user and so the unit.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    security: [{ bearer: [] }],
    paths,
    components: {
      schemas: { Problem: problemSchema },
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'A user’s token, from `gom user add`.' },
        metricsToken: { type: 'http', scheme: 'bearer', description: '`GOM_METRICS_TOKEN`, for /metrics only.' },
      },
    },
  };
}
