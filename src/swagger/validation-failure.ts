import type { ValidationError } from '@nestjs/common';
import { getMetadataStorage, ValidationTypes } from 'class-validator';
import { InvalidParameterError } from '../exceptions/invalid-parameter.error.js';
import { ErrorReasons } from '../report/error-reasons.js';
import type { ApiValidationPipeOptions } from '../validation/api-validation-pipe-options.interface.js';
import { collectViolations } from '../validation/collect-violations.js';
import type { DocumentedError } from './documented-error.interface.js';
import type { ValidatedInput } from './route-facts.js';

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

/** Kinds of metadata that are not rules a present value can fail. */
const NOT_RULES: ReadonlySet<string> = new Set([
  ValidationTypes.IS_DEFINED,
  ValidationTypes.WHITELIST,
  ValidationTypes.CONDITIONAL_VALIDATION,
  ValidationTypes.PROMISE_VALIDATION,
]);

const LABELS: Readonly<Record<ValidatedInput['location'], string>> = {
  body: 'the body',
  query: 'the query string',
  param: 'a path parameter',
};

/** Whether a class has anything for class-validator to check. */
export function hasValidationRules(type: Constructor, options: ApiValidationPipeOptions): boolean {
  return rulesOf(type, options).length > 0;
}

/**
 * The failure `ApiValidationPipe` answers when a DTO's first rule fails: the
 * first field's first rule in the order the class declares them (the order
 * the pipe describes failures in), its message worked out as class-validator
 * does (the rule's own message, or its default with `$property` and
 * `$constraint1` filled in), turned into a sentence and a violation by the
 * pipe's own code, and raised as the pipe raises it.
 */
export function firstRuleFailure(
  input: ValidatedInput,
  options: ApiValidationPipeOptions,
): DocumentedError | undefined {
  const storage = getMetadataStorage();
  const byProperty = storage.groupByPropertyName(
    rulesOf(input.type, options) as never,
  ) as unknown as Record<string, RuleMetadata[]>;
  // Object.keys, as class-validator walks the fields.
  for (const property of Object.keys(byProperty)) {
    const rules = byProperty[property].filter((rule) => !NOT_RULES.has(rule.type));
    if (rules.length === 0) continue;
    const constraints = constraintsOf(input.type, property, rules, options);
    if (constraints === undefined) return undefined;
    // The value only has to be present: a missing one is "is required" whatever the rules.
    const error: ValidationError = { property, value: '', constraints, children: [] };
    const [first] = collectViolations([error]);
    if (first === undefined) return undefined;
    const violation = Object.freeze({ ...first, location: input.location });
    const description = options.allErrors ? Object.freeze([violation.message]) : violation.message;
    return {
      exception: new InvalidParameterError(description, {
        violations: Object.freeze([violation]),
        reason: ErrorReasons.VALIDATION_FAILED,
      }),
      variant: {
        name: `${input.location}_validation`,
        label: `${LABELS[input.location]} fails validation (${violation.path})`,
      },
    };
  }
  return undefined;
}

function rulesOf(type: Constructor, options: ApiValidationPipeOptions): RuleMetadata[] {
  return getMetadataStorage().getTargetValidationMetadatas(
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
  const storage = getMetadataStorage();
  const constraints: Record<string, string> = {};
  const object = Object.create(type.prototype as object) as object;
  try {
    for (const rule of rules) {
      if (rule.type === ValidationTypes.CUSTOM_VALIDATION && rule.constraintCls !== undefined) {
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
      if (rule.type === ValidationTypes.NESTED_VALIDATION) {
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
