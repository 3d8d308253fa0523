import { HttpException } from '@nestjs/common';
import {
  AppError,
  DatabaseError,
  ERR_UNKNOWN,
  InvalidParameterError,
  isAppError,
  NotSupportedError,
  PasswordNotMatchError,
  UnauthorizedError,
  UserNotExistsError,
} from '../index.js';

describe('exceptions', () => {
  it.each([
    [new InvalidParameterError('x'), 400, 88, 'Invalid Parameter'],
    [new UnauthorizedError('x'), 401, 99, 'Authentication Required'],
    [new UserNotExistsError('x'), 404, 21, 'User Not Exists'],
    [new PasswordNotMatchError('x'), 400, 22, 'Password Not Match'],
    [new DatabaseError('x'), 500, 77, 'Database Rollback Error'],
    [new NotSupportedError('GET', '/x'), 404, 10, 'Not Supported'],
    [new AppError(), 500, 500, 'Unknown Error'],
  ])('%s exposes status, code and title, and is an HttpException', (error, status, code, title) => {
    expect(error).toBeInstanceOf(HttpException);
    expect(error).toBeInstanceOf(AppError);
    expect(error.getStatus()).toBe(status);
    expect(error.code).toBe(code);
    expect(error.title).toBe(title);
  });

  it('names each class', () => {
    expect(new InvalidParameterError().name).toBe('InvalidParameterError');
    expect(new DatabaseError('x').name).toBe('DatabaseError');
  });

  it('keeps its description on the instance, never on the catalog entry', () => {
    const a = new AppError(ERR_UNKNOWN, 'first');
    const b = new AppError(ERR_UNKNOWN);
    expect(a.description).toBe('first');
    expect(b.description).toBeUndefined();
    expect(ERR_UNKNOWN).not.toHaveProperty('description');
  });

  it('uses a string description as its message, the title otherwise', () => {
    expect(new InvalidParameterError('quantity must be a positive integer').message).toBe(
      'quantity must be a positive integer',
    );
    expect(new PasswordNotMatchError().message).toBe('Password Not Match');
  });

  it('keeps the cause', () => {
    const cause = new Error('driver said no');
    expect(new DatabaseError('x', undefined, { cause }).cause).toBe(cause);
  });

  it('describes NotSupportedError only with both method and url', () => {
    expect(new NotSupportedError('DELETE', '/api/v2/product/123').description).toBe(
      'method: DELETE, url: /api/v2/product/123',
    );
    expect(new NotSupportedError('DELETE').description).toBeUndefined();
  });

  describe('DatabaseError', () => {
    it('joins details and shows params as one string', () => {
      const error = new DatabaseError(['Connection timeout', 'retried twice'], { user_id: 12345 });
      expect(error.description).toStrictEqual({
        details: 'Connection timeout, retried twice',
        params: '{"user_id":12345}',
      });
      expect(Object.isFrozen(error.description)).toBe(true);
    });

    it('leaves params out when there are none', () => {
      expect(new DatabaseError('Connection timeout').description).toStrictEqual({
        details: 'Connection timeout',
      });
    });

    it('masks secrets at any depth', () => {
      const params = {
        email: 'a@b.c',
        password: 'hunter2',
        nested: { api_key: 'k', Authorization: 'Bearer t', cookie: 'c', passwd: 'p' },
      };
      const shown = (new DatabaseError('x', params).description as { params: string }).params;
      expect(JSON.parse(shown)).toStrictEqual({
        email: 'a@b.c',
        password: '[REDACTED]',
        nested: {
          api_key: '[REDACTED]',
          Authorization: '[REDACTED]',
          cookie: '[REDACTED]',
          passwd: '[REDACTED]',
        },
      });
    });

    it('survives cycles, BigInts and primitives, and bounds the length', () => {
      const cyclic: Record<string, unknown> = { id: 1n };
      cyclic.self = cyclic;
      expect((new DatabaseError('x', cyclic).description as { params: string }).params).toBe(
        '{"id":"1","self":"[Circular]"}',
      );
      expect((new DatabaseError('x', 42).description as { params: string }).params).toBe('42');
      const long = (new DatabaseError('x', 'y'.repeat(5000)).description as { params: string })
        .params;
      expect(long.length).toBeLessThanOrEqual(1001);
    });
  });

  it('isAppError recognises AppErrors from another copy of the package by their brand', () => {
    const foreign = Object.create({ [Symbol.for('nestjs-api-errors.AppError')]: true });
    expect(isAppError(foreign)).toBe(true);
    expect(isAppError(new Error('x'))).toBe(false);
    expect(isAppError(null)).toBe(false);
    expect(isAppError(new InvalidParameterError())).toBe(true);
  });
});

describe('non-error entries', () => {
  it('definitionForStatus refuses a status that is not an error', async () => {
    const { definitionForStatus } = await import('../index.js');
    expect(() => definitionForStatus(200)).toThrow('200 is not an error status (400-599)');
    expect(definitionForStatus(599)).toStrictEqual({
      status: 599,
      code: 599,
      title: 'Server Error',
    });
  });
});
