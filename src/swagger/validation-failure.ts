import type { ValidationError } from '@nestjs/common';
import type * as ClassTransformer from 'class-transformer';
import type * as ClassValidator from 'class-validator';
import { createRequire } from 'node:module';
import { InvalidParameterError } from '../exceptions/invalid-parameter.error.js';
import { ErrorReasons } from '../report/error-reasons.js';
import type { Violation } from '../report/violation.interface.js';
import type { ApiValidationPipeOptions } from '../validation/api-validation-pipe-options.interface.js';
import { collectViolations } from '../validation/collect-violations.js';
import type { DocumentedError } from './documented-error.interface.js';
import type { DtoInput, InputLocation } from './route-facts.js';

/** What is probed: a DTO class, where it is read from. */
type ProbedDto = Pick<DtoInput, 'location' | 'type'>;

type Constructor = abstract new (...args: never[]) => unknown;

/** A rule as class-validator's metadata stores it (`ValidationMetadata`). */
interface RuleMetadata {
  readonly type: string;
  readonly propertyName: string;
  readonly constraints?: unknown[];
  readonly message?: string | ((args: MessageArguments) => string);
  readonly constraintCls?: Constructor;
}

interface MessageArguments {
  readonly targetName: string | undefined;
  readonly property: string;
  readonly object: object;
  readonly value: unknown;
  readonly constraints: unknown[] | undefined;
}

/** Kinds of metadata (class-validator's `ValidationTypes`) that are not rules a present value can fail. */
const NOT_RULES: ReadonlySet<string> = new Set([
  'isDefined',
  'whitelistValidation',
  'conditionalValidation',
  'promiseValidation',
]);
const CUSTOM_VALIDATION = 'customValidation';
const NESTED_VALIDATION = 'nestedValidation';

interface ClassValidation {
  readonly plainToInstance: typeof ClassTransformer.plainToInstance;
  readonly getMetadataStorage: typeof ClassValidator.getMetadataStorage;
  readonly validateSync: typeof ClassValidator.validateSync;
}

let classValidation: ClassValidation | null | undefined;

/**
 * class-validator and class-transformer, loaded on first use: they are
 * optional peers, and an app that validates no DTO classes (Standard Schemas
 * only, or nothing) documents its routes without them. `null` when they are
 * not installed: there are then no DTO rules to document.
 */
function loadClassValidation(): ClassValidation | null {
  if (classValidation !== undefined) return classValidation;
  const require = createRequire(import.meta.url);
  try {
    const validator = require('class-validator') as typeof ClassValidator;
    const transformer = require('class-transformer') as typeof ClassTransformer;
    classValidation = {
      plainToInstance: transformer.plainToInstance,
      getMetadataStorage: validator.getMetadataStorage,
      validateSync: validator.validateSync,
    };
  } catch {
    classValidation = null;
  }
  return classValidation;
}

const LABELS: Readonly<Record<InputLocation, string>> = {
  body: 'the body',
  query: 'the query string',
  param: 'a path parameter',
};

/** Whether a class has anything for class-validator to check. */
export function hasValidationRules(type: Constructor, options: ApiValidationPipeOptions): boolean {
  return loadClassValidation() !== null && rulesOf(type, options).length > 0;
}

/** A field's first rule, and the message class-validator gives when it fails. */
interface FirstRule {
  readonly property: string;
  /** The constraint's name, e.g. `isEmail`. */
  readonly constraint: string;
  /** Every rule of the field as failed, keyed by constraint name. */
  readonly constraints: Readonly<Record<string, string>>;
}

/**
 * Values tried against the first field: the first whose answer starts with
 * the field's first rule, and fails the fewest others, is the example.
 * Query strings and path parameters only ever carry strings.
 */
const PROBES: Readonly<Record<InputLocation, readonly unknown[]>> = {
  body: ['x', 0, 1.5, -1, '', true, {}, []],
  query: ['x', '0', '1.5', '-1', ''],
  param: ['x', '0', '1.5', '-1', ''],
};

/** Options of Nest's `ValidationPipe` (and ours) that class-validator does not take. */
const PIPE_ONLY = [
  'transform',
  'disableErrorMessages',
  'errorHttpStatusCode',
  'expectedType',
  'transformOptions',
  'exceptionFactory',
  'validatorPackage',
  'transformerPackage',
  'validateCustomDecorators',
  'errorFormat',
  'maxErrorMessagesLength',
  'allErrors',
  'classValidator',
  'schemaMessageVendors',
];

/**
 * The failure `ApiValidationPipe` answers when a DTO's first rule fails: the
 * first field's first rule in the order the class declares them, which is the
 * order the pipe describes failures in. The example is a real answer: values
 * are sent through class-transformer and class-validator as the pipe sends
 * them, the other fields taken as valid, and the pipe's own code turns the
 * result into sentences and violations. When no value makes that rule fail
 * first, the rule's message is worked out as class-validator does.
 */
export function firstRuleFailure(
  input: ProbedDto,
  options: ApiValidationPipeOptions,
): DocumentedError | undefined {
  const first = firstRuleOf(input.type, options);
  if (first === undefined) return undefined;
  const probed = probe(input, first, options);
  const violations =
    probed?.violations ??
    collectViolations([
      {
        property: first.property,
        // Present, so the violation is the rule's, not "is required".
        value: '',
        constraints: { [first.constraint]: first.constraints[first.constraint] },
        children: [],
      },
    ]);
  if (violations.length === 0) return undefined;
  const located = Object.freeze(
    violations.map((violation) => Object.freeze({ ...violation, location: input.location })),
  );
  const description = options.allErrors
    ? Object.freeze(located.map((violation) => violation.message))
    : located[0].message;
  const sent = probed === undefined ? '' : ` = ${JSON.stringify(probed.value)}`;
  return {
    exception: new InvalidParameterError(description, {
      violations: located,
      reason: ErrorReasons.VALIDATION_FAILED,
    }),
    variant: {
      name: `${input.location}_validation`,
      label: `${LABELS[input.location]} has ${located[0].path}${sent}`,
    },
  };
}

/** The first rule of the first field with rules, in class-validator's order of fields. */
function firstRuleOf(type: Constructor, options: ApiValidationPipeOptions): FirstRule | undefined {
  const storage = loadClassValidation()!.getMetadataStorage();
  const byProperty = storage.groupByPropertyName(
    rulesOf(type, options) as never,
  ) as unknown as Record<string, RuleMetadata[]>;
  for (const property of Object.keys(byProperty)) {
    const rules = byProperty[property].filter((rule) => !NOT_RULES.has(rule.type));
    if (rules.length === 0) continue;
    const constraints = constraintsOf(type, property, rules, options);
    if (constraints === undefined) return undefined;
    // The pipe's own ordering says which rule is first.
    const [first] = collectViolations([{ property, value: '', constraints, children: [] }]);
    return first === undefined
      ? undefined
      : { property, constraint: first.constraint, constraints };
  }
  return undefined;
}

/**
 * Sends probe values for the field through class-transformer and
 * class-validator with the pipe's options, and keeps the answer about that
 * field (the others are missing, and left out of it) that starts with the
 * first rule.
 */
function probe(
  input: ProbedDto,
  first: FirstRule,
  options: ApiValidationPipeOptions,
): { value: unknown; violations: Violation[] } | undefined {
  const validatorOptions: Record<string, unknown> = { forbidUnknownValues: false };
  for (const [key, value] of Object.entries(options)) {
    if (!PIPE_ONLY.includes(key)) validatorOptions[key] = value;
  }
  validatorOptions.validationError = { ...options.validationError, value: true };
  const { plainToInstance, validateSync } = loadClassValidation()!;
  let best: { value: unknown; violations: Violation[] } | undefined;
  for (const value of PROBES[input.location]) {
    let violations: Violation[];
    try {
      const entity: object = plainToInstance(
        input.type as new () => object,
        { [first.property]: value },
        options.transformOptions,
      );
      violations = collectViolations(
        validateSync(entity, validatorOptions) as ValidationError[],
      ).filter((violation) => violation.segments[0] === first.property);
    } catch {
      continue;
    }
    if (violations[0]?.constraint !== first.constraint) continue;
    if (best === undefined || violations.length < best.violations.length) {
      best = { value, violations };
    }
  }
  return best;
}

function rulesOf(type: Constructor, options: ApiValidationPipeOptions): RuleMetadata[] {
  return loadClassValidation()!
    .getMetadataStorage()
    .getTargetValidationMetadatas(
      type,
      '',
      options.always ?? false,
      options.strictGroups ?? false,
      options.groups,
    ) as unknown as RuleMetadata[];
}

/**
 * Every rule of one field as failed, keyed as class-validator keys them: its
 * own rules in the order it stores them, nested validation last. A message
 * that cannot be worked out without a real value leaves the field undocumented.
 */
function constraintsOf(
  type: Constructor,
  property: string,
  rules: readonly RuleMetadata[],
  options: ApiValidationPipeOptions,
): Record<string, string> | undefined {
  const storage = loadClassValidation()!.getMetadataStorage();
  const constraints: Record<string, string> = {};
  const object = Object.create(type.prototype as object) as object;
  try {
    for (const rule of rules) {
      if (rule.type === CUSTOM_VALIDATION && rule.constraintCls !== undefined) {
        const [constraint] = storage.getTargetValidatorConstraints(rule.constraintCls);
        const name = constraint?.name ?? rule.type;
        const args = argumentsOf(type.name, property, object, rule);
        let message = rule.message ?? '';
        if (rule.message === undefined && options.dismissDefaultMessages !== true) {
          const instance = constraint?.instance as
            { defaultMessage?: (args: MessageArguments) => string } | undefined;
          message = instance?.defaultMessage?.(args) ?? '';
        }
        constraints[name] = fillTokens(message, args);
      }
    }
    for (const rule of rules) {
      if (rule.type === NESTED_VALIDATION) {
        // class-validator names the class itself as the target of this message.
        constraints[rule.type] = fillTokens(
          rule.message ?? '',
          argumentsOf('Function', property, type, rule),
        );
      }
    }
  } catch {
    return undefined;
  }
  return Object.keys(constraints).length > 0 ? constraints : undefined;
}

function argumentsOf(
  targetName: string,
  property: string,
  object: object,
  rule: RuleMetadata,
): MessageArguments {
  return { targetName, property, object, value: undefined, constraints: rule.constraints };
}

/** class-validator's `$constraintN`, `$property` and `$target` tokens, filled as it fills them. */
function fillTokens(message: RuleMetadata['message'], args: MessageArguments): string {
  let text = typeof message === 'function' ? message(args) : (message ?? '');
  if (text === '') return text;
  for (const [index, constraint] of (args.constraints ?? []).entries()) {
    text = text.replace(new RegExp(`\\$constraint${index + 1}`, 'g'), constraintText(constraint));
  }
  return text.replace(/\$property/g, args.property).replace(/\$target/g, String(args.targetName));
}

function constraintText(constraint: unknown): string {
  if (Array.isArray(constraint)) return constraint.join(', ');
  if (typeof constraint === 'symbol') return String(constraint.description);
  return `${constraint as string}`;
}
