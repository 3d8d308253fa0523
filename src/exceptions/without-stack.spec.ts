import { withoutStack } from './without-stack.js';

/** Whether an error's stack names any frame (`    at …`). */
const hasFrames = (error: Error): boolean => /\n\s+at /.test(error.stack ?? '');

describe('withoutStack', () => {
  it('creates the error without frames and restores the limit', () => {
    const limit = Error.stackTraceLimit;
    const error = withoutStack(() => new Error('client mistake'));
    expect(hasFrames(error)).toBe(false);
    expect(error.message).toBe('client mistake');
    expect(Error.stackTraceLimit).toBe(limit);
    expect(hasFrames(new Error('later'))).toBe(true);
  });

  it('restores the limit when creating throws', () => {
    const limit = Error.stackTraceLimit;
    expect(() =>
      withoutStack(() => {
        throw new Error('failed');
      }),
    ).toThrow('failed');
    expect(Error.stackTraceLimit).toBe(limit);
  });
});
