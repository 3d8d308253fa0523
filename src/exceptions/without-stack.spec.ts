import { resumeStackCapture, withStackCaptureSuspended, withoutStack } from './without-stack.js';

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

describe('withStackCaptureSuspended', () => {
  it('captures no stack inside, and restores the limit when it returns', () => {
    const limit = Error.stackTraceLimit;
    const inside = withStackCaptureSuspended(() => new Error('inside'));
    expect(hasFrames(inside)).toBe(false);
    expect(Error.stackTraceLimit).toBe(limit);
    expect(hasFrames(new Error('after'))).toBe(true);
  });

  it('returns what it ran returned, and restores the limit when it throws', () => {
    const limit = Error.stackTraceLimit;
    expect(withStackCaptureSuspended(() => 42)).toBe(42);
    const thrown = (() => {
      try {
        return withStackCaptureSuspended(() => {
          throw new Error('raised');
        });
      } catch (error) {
        return error as Error;
      }
    })();
    expect(hasFrames(thrown)).toBe(false);
    expect(Error.stackTraceLimit).toBe(limit);
  });

  it('captures stacks again from resumeStackCapture() on', () => {
    const limit = Error.stackTraceLimit;
    const [before, after] = withStackCaptureSuspended(() => {
      const first = new Error('raised');
      resumeStackCapture();
      return [first, new Error('answered')];
    });
    expect(hasFrames(before)).toBe(false);
    expect(hasFrames(after)).toBe(true);
    expect(Error.stackTraceLimit).toBe(limit);
  });

  it('restores the limit even when capture resumed inside withoutStack', () => {
    const limit = Error.stackTraceLimit;
    withStackCaptureSuspended(() =>
      withoutStack(() => {
        resumeStackCapture();
        return new Error('x');
      }),
    );
    expect(Error.stackTraceLimit).toBe(limit);
  });

  it('leaves an outer suspension in charge when nested', () => {
    const limit = Error.stackTraceLimit;
    withStackCaptureSuspended(() => {
      withStackCaptureSuspended(() => undefined);
      expect(hasFrames(new Error('still suspended'))).toBe(false);
    });
    expect(Error.stackTraceLimit).toBe(limit);
  });

  it('does nothing when resumed outside a suspension', () => {
    const limit = Error.stackTraceLimit;
    resumeStackCapture();
    expect(Error.stackTraceLimit).toBe(limit);
  });
});
