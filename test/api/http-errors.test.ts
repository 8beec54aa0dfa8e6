/**
 * Malformed HTTP (issue 18 § 2, "Error surfaces"): every case answers JSON with `errors[0].extensions.code` and a
 * 4xx status, never Express's HTML page with a stack trace and server paths, never INTERNAL_SERVER_ERROR; and the
 * log never receives the raw body (a trailing comma used to make the framework log up to 10,000 characters of it).
 */
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStubServer, type StubServer } from './helpers/stub-server.js';

const TEXT = '患者女，52岁，因发现左乳肿物3月余入院，行左乳癌改良根治术。';
const json = { 'content-type': 'application/json' };

type Case = [name: string, init: RequestInit & { path?: string }, status: number, code: string];

const CASES: Case[] = [
  ['trailing comma', { method: 'POST', headers: json, body: `{"query":"{ __typename }","variables":{"t":"${TEXT}"},}` }, 400, 'BAD_REQUEST'],
  ['not JSON', { method: 'POST', headers: json, body: `hello ${TEXT}` }, 400, 'BAD_REQUEST'],
  ['JSON null', { method: 'POST', headers: json, body: 'null' }, 400, 'BAD_REQUEST'],
  ['JSON string', { method: 'POST', headers: json, body: `"${TEXT}"` }, 400, 'BAD_REQUEST'],
  ['JSON number', { method: 'POST', headers: json, body: '1' }, 400, 'BAD_REQUEST'],
  ['batched array', { method: 'POST', headers: json, body: '[{"query":"{ __typename }"}]' }, 400, 'BAD_REQUEST'],
  ['empty object', { method: 'POST', headers: json, body: '{}' }, 400, 'BAD_REQUEST'],
  ['empty body', { method: 'POST', headers: json, body: '' }, 400, 'BAD_REQUEST'],
  ['query not a string', { method: 'POST', headers: json, body: '{"query":["{ __typename }"]}' }, 400, 'BAD_REQUEST'],
  ['variables a string', { method: 'POST', headers: json, body: '{"query":"{ __typename }","variables":"{}"}' }, 400, 'BAD_REQUEST'],
  ['variables an array', { method: 'POST', headers: json, body: '{"query":"{ __typename }","variables":[1]}' }, 400, 'BAD_REQUEST'],
  ['operationName a number', { method: 'POST', headers: json, body: '{"query":"{ __typename }","operationName":1}' }, 400, 'BAD_REQUEST'],
  ['text/plain', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"query":"{ __typename }"}' }, 415, 'BAD_REQUEST'],
  ['application/graphql', { method: 'POST', headers: { 'content-type': 'application/graphql' }, body: '{ __typename }' }, 415, 'BAD_REQUEST'],
  ['form', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'query=x' }, 415, 'BAD_REQUEST'],
  ['unknown charset', { method: 'POST', headers: { 'content-type': 'application/json; charset=ebcdic' }, body: '{"query":"{ __typename }"}' }, 415, 'BAD_REQUEST'],
  ['corrupt gzip', { method: 'POST', headers: { ...json, 'content-encoding': 'gzip' }, body: '{"query":"{ __typename }"}' }, 400, 'BAD_REQUEST'],
  ['unknown encoding', { method: 'POST', headers: { ...json, 'content-encoding': 'zz' }, body: '{"query":"{ __typename }"}' }, 415, 'BAD_REQUEST'],
  ['persisted query', { method: 'POST', headers: json, body: '{"extensions":{"persistedQuery":"x"}}' }, 200, 'PERSISTED_QUERY_NOT_SUPPORTED'],
  ['persisted query hash', { method: 'POST', headers: json, body: '{"extensions":{"persistedQuery":{"version":1,"sha256Hash":"ab"}}}' }, 200, 'PERSISTED_QUERY_NOT_SUPPORTED'],
  ['subscription over HTTP', { method: 'POST', headers: json, body: '{"query":"subscription { extractionEvents { recordId } }"}' }, 400, 'BAD_REQUEST'],
  ['PUT', { method: 'PUT', headers: json, body: '{"query":"{ __typename }"}' }, 405, 'BAD_REQUEST'],
  ['GET without preflight header', { method: 'GET' }, 400, 'BAD_REQUEST'],
  ['GET with bad variables', { method: 'GET', headers: { 'apollo-require-preflight': '1' }, path: '?query=%7B__typename%7D&variables=%7Bx' }, 400, 'BAD_REQUEST'],
  ['accept: application/xml', { method: 'POST', headers: { ...json, accept: 'application/xml' }, body: '{"query":"{ __typename }"}' }, 406, 'BAD_REQUEST'],
  ['unknown path', { method: 'GET', path: '/../nope' }, 404, 'NOT_FOUND'],
];

let api: StubServer;
beforeAll(async () => {
  api = await startStubServer();
});
afterAll(async () => {
  await api?.close();
});

describe('malformed HTTP requests', () => {
  // (Apollo answers PERSISTED_QUERY_NOT_SUPPORTED with 200 by protocol: clients then resend the full document.)
  it.each(CASES.map(([name, init, status, code]): Case => [`${name} → ${status} ${code}`, init, status, code]))('%s', async (_name, init, status, code) => {
    const url = init.path?.startsWith('/') ? api.url.replace('/graphql', init.path) : `${api.url}${init.path ?? ''}`;
    const res = await fetch(url, init);
    const text = await res.text();
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/^application\/(graphql-response\+)?json/);
    expect(text).not.toMatch(/<html|<pre>|\n\s+at |node_modules|\.ts:\d|\.js:\d/i);
    expect(text).not.toContain(TEXT);
    expect((JSON.parse(text) as any).errors[0].extensions.code).toBe(code);
  });

  it('an oversize body → 413 PAYLOAD_TOO_LARGE as JSON', async () => {
    const res = await fetch(api.url, { method: 'POST', headers: json, body: JSON.stringify({ query: '{ __typename }', variables: { t: TEXT.repeat(200_000) } }) });
    expect(res.status).toBe(413);
    expect(((await res.json()) as any).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('a valid gzip body is still accepted', async () => {
    const res = await fetch(api.url, { method: 'POST', headers: { ...json, 'content-encoding': 'gzip' }, body: gzipSync('{"query":"{ __typename }"}') });
    expect(await res.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('never logs a request body, an error message or a stack', () => {
    const log = api.logs.join('\n');
    expect(log).not.toContain(TEXT.slice(0, 8));
    expect(log).not.toMatch(/\n\s+at |SyntaxError|node_modules/);
  });
});
