import type { ErrorsModuleOptions } from '../interfaces/errors-module-options.interface.js';
import { BUILT_IN_FORMATS, resolveFormat } from './built-in-formats.js';
import type { ErrorFormat } from './error-format.interface.js';
import { metaFormat } from './meta.format.js';

const VALID = '"meta", "error", "flat", "error_code", "problem"';

describe('resolveFormat', () => {
  it('gives the meta format by default, and for an unset variable', () => {
    expect(resolveFormat()).toBe(metaFormat);
    expect(resolveFormat(undefined)).toBe(metaFormat);
  });

  it.each(Object.keys(BUILT_IN_FORMATS))('finds the built-in format %s by name', (name) => {
    expect(resolveFormat(name)).toBe(BUILT_IN_FORMATS[name as keyof typeof BUILT_IN_FORMATS]);
  });

  it("takes an application's own format as it is", () => {
    const own: ErrorFormat = {
      name: 'own',
      contentType: 'application/json',
      render: () => ({ status: 500, body: {} }),
    };
    expect(resolveFormat(own)).toBe(own);
  });

  it.each([
    ['xml', 'Unknown error format "xml" in the "format" option'],
    ['', 'Unknown error format "" in the "format" option'],
    ['Meta', 'Unknown error format "Meta" in the "format" option'],
    ['toString', 'Unknown error format "toString" in the "format" option'],
    ['__proto__', 'Unknown error format "__proto__" in the "format" option'],
    ['x'.repeat(100), `Unknown error format "${'x'.repeat(40)}"…`],
  ])('refuses the name %j, naming the valid ones', (name, start) => {
    expect(() => resolveFormat(name)).toThrow(TypeError);
    expect(() => resolveFormat(name)).toThrow(start);
    expect(() => resolveFormat(name)).toThrow(`use one of ${VALID}, or an ErrorFormat object`);
  });

  it.each([
    [42, 'of type number'],
    [null, 'null'],
    [{ name: 'no render' }, 'of type object'],
  ])('refuses %j, which is neither a name nor a format', (value, shown) => {
    expect(() => resolveFormat(value as never)).toThrow(`Unknown error format ${shown}`);
  });

  it('accepts any string in the option type, so an environment variable compiles', () => {
    // A type-level check as much as a runtime one: this file does not compile otherwise.
    const fromEnvironment: ErrorsModuleOptions = { format: process.env.NO_SUCH_FORMAT_VARIABLE };
    const named: ErrorsModuleOptions = { format: 'problem' };
    expect(resolveFormat(fromEnvironment.format)).toBe(metaFormat);
    expect(resolveFormat(named.format)).toBe(BUILT_IN_FORMATS.problem);
  });
});
