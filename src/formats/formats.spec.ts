import { CONTEXT, REPORTS } from '../../test/helpers/error-reports.js';
import {
  BUILT_IN_FORMATS,
  ERROR_CATALOG,
  ErrorReasons,
  type ErrorReport,
  type RenderContext,
} from '../index.js';

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const member of Object.values(value)) deepFreeze(member);
  }
  return value;
}

describe('the reports every format spec renders', () => {
  const reports: ErrorReport[] = Object.values(REPORTS);

  it('include every reason the library tags errors with', () => {
    const tagged = new Set(reports.map((report) => report.reason));
    expect(Object.values(ErrorReasons).filter((reason) => !tagged.has(reason))).toStrictEqual([]);
  });

  it('include every built-in catalog entry, alone', () => {
    const alone = reports.filter((report) => Object.keys(report).length === 1);
    for (const entry of ERROR_CATALOG) {
      expect(alone.map((report) => report.definition)).toContain(entry);
    }
  });

  it('include violations of the body, the query and a path parameter', () => {
    const locations = new Set(
      reports.flatMap((report) => report.violations ?? []).map((v) => v.location),
    );
    expect([...locations].sort()).toEqual(['body', 'param', 'query', undefined]);
  });
});

describe.each(Object.entries(BUILT_IN_FORMATS))('the %s format, as a function', (_name, format) => {
  it('renders frozen reports and contexts, changing neither', () => {
    const reports = deepFreeze(structuredClone(REPORTS));
    const context: RenderContext = deepFreeze({ ...CONTEXT });
    for (const [name, report] of Object.entries(reports)) {
      expect(() => format.render(report, context), `${name}`).not.toThrow();
    }
    expect(reports).toStrictEqual(REPORTS);
  });

  it('gives equal answers to equal questions, each a new body', () => {
    for (const report of Object.values(REPORTS)) {
      const first = format.render(report, CONTEXT);
      const second = format.render(structuredClone(report), { ...CONTEXT });
      expect(second).toStrictEqual(first);
      expect(second.body).not.toBe(first.body);
    }
  });

  it('answers with an error status and a body JSON holds as it is', () => {
    for (const report of Object.values(REPORTS)) {
      const { status, body } = format.render(report, CONTEXT);
      expect(status).toBeGreaterThanOrEqual(400);
      expect(status).toBeLessThanOrEqual(599);
      expect(JSON.parse(JSON.stringify(body))).toStrictEqual(body);
    }
  });

  it('is frozen, so no request can change it', () => {
    expect(Object.isFrozen(format)).toBe(true);
  });
});
