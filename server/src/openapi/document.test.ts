import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpServer } from '../test-support';
import { openApiDocument } from './document';
import { operations } from './operations';

type Paths = Record<string, Record<string, { security?: unknown[]; responses: Record<string, unknown> }>>;

let env: Awaited<ReturnType<typeof setUpServer>>;
beforeAll(async () => {
  env = await setUpServer();
});
afterAll(() => env.dispose());

/** `METHOD /path` in OpenAPI's form, from Hono's `/:param`. */
const mounted = () =>
  new Set(
    env.app.routes
      .filter((route) => route.method !== 'ALL')
      .map((route) => `${route.method} ${route.path.replace(/:(\w+)/g, '{$1}')}`),
  );
const documented = (paths: Paths) =>
  new Set(
    Object.entries(paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`)),
  );

describe('/v1/openapi.json', () => {
  it('is served, an OpenAPI 3.1 document with the bearer scheme', async () => {
    const res = await env.app.request('/v1/openapi.json');
    expect(res.status).toBe(200);
    const document = (await res.json()) as { openapi: string; components: { securitySchemes: object } };
    expect(document.openapi).toBe('3.1.0');
    expect(document.components.securitySchemes).toMatchObject({ bearer: { type: 'http', scheme: 'bearer' } });
  });

  it('describes every route the app mounts, and no other', () => {
    const paths = openApiDocument('0.0.0').paths as Paths;
    expect([...documented(paths)].sort()).toEqual([...mounted()].sort());
  });

  it('gives the authenticated routes the bearer scheme and their errors as problem details', () => {
    const paths = openApiDocument('0.0.0').paths as Paths;
    const push = paths['/v1/sync/push']?.post;
    expect(push?.security).toEqual([{ bearer: [] }]);
    expect(push?.responses['401']).toMatchObject({
      content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
    });
    expect(paths['/v1/health']?.get?.security).toEqual([]);
  });

  it.each(operations.filter((op) => op.bodyExample !== undefined || op.response.example !== undefined))(
    'has examples that pass their schemas: $method $path',
    (operation) => {
      if (operation.bodyExample !== undefined)
        expect(operation.body?.safeParse(operation.bodyExample).success).toBe(true);
      if (operation.response.example !== undefined) {
        expect(operation.response.schema?.safeParse(structuredClone(operation.response.example)).success).toBe(true);
      }
    },
  );

  it("matches the README's API section, route for route", () => {
    const readme = readFileSync(resolve(import.meta.dirname, '../../../README.md'), 'utf8');
    const section = readme.split('\n## The API\n')[1]?.split('\n## ')[0] ?? '';
    const listed = new Set(
      [...section.matchAll(/`(GET|POST|PUT) (\/[^\s`]*)`/g)].map(([, method, path]) => `${method} ${path}`),
    );
    expect([...listed].sort()).toEqual([...documented(openApiDocument('0.0.0').paths as Paths)].sort());
  });
});
