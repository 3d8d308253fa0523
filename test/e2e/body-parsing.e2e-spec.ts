import { CoreFixtureModule } from '../fixtures/core/core-fixture.module.js';
import { send } from '../helpers/http-client.js';
import { ADAPTERS, createTestApp, type TestApp } from '../helpers/test-app.js';

describe.each(ADAPTERS)('request bodies that cannot be read (%s)', (adapter) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(adapter, CoreFixtureModule.with());
  });
  afterAll(() => t.close());

  const post = (body: string | Buffer, contentType = 'application/json') =>
    send(t.url, {
      method: 'POST',
      path: '/cart/items',
      headers: { 'content-type': contentType },
      body,
    });

  it.each([
    ['a truncated object', '{"product_id": 1, "quantity":'],
    ['a bare word', 'not json'],
    ['a trailing comma', '{"product_id": 1,}'],
    ['single quotes', "{'product_id': 1}"],
  ])('malformed JSON (%s) -> 400 / 88', async (_name, body) => {
    const res = await post(body);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.json()).toStrictEqual({
      meta: {
        code: 88,
        message: 'Invalid Parameter',
        description: 'Request body is not valid JSON',
      },
    });
  });

  it('does not echo the malformed body back', async () => {
    const res = await post('{"password": "hunter2", oops}');
    expect(res.text).not.toContain('hunter2');
  });

  it('an oversized body -> 413 envelope', async () => {
    const huge = JSON.stringify({ product_id: 1, quantity: 1, note: 'x'.repeat(2 * 1024 * 1024) });
    const res = await post(huge);
    expect(res.status).toBe(413);
    expect(res.json()).toStrictEqual({
      meta: {
        code: 413,
        message: 'Payload Too Large',
        description: 'Request body is larger than the server accepts',
      },
    });
  });

  it('a JSON body of the wrong shape (an array) -> 400 / 88, not 500', async () => {
    const res = await post('[1, 2, 3]');
    expect(res.status).toBe(400);
    expect(res.json().meta.code).toBe(88);
  });

  it('JSON null -> 400 / 88 naming the missing fields', async () => {
    const res = await post('null');
    expect(res.status).toBe(400);
    expect(res.json().meta).toMatchObject({ code: 88, message: 'Invalid Parameter' });
  });

  it('a path parameter with broken percent-encoding -> 400 / 88', async () => {
    const res = await send(t.url, { path: '/products/%E0%A4%A' });
    expect(res.status).toBe(400);
    expect(res.json().meta.code).toBe(88);
  });
});
