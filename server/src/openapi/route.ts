import { Hono } from 'hono';
import serverPackage from '../../package.json';
import { openApiDocument } from './document';

/** `GET /v1/openapi.json`: the API's OpenAPI 3.1 document, made once, on the first request. */
export function openApiRoutes() {
  let document: string | undefined;
  return new Hono().get('/', (c) => {
    document ??= JSON.stringify(openApiDocument(serverPackage.version));
    return c.body(document, 200, { 'Content-Type': 'application/json; charset=utf-8' });
  });
}
