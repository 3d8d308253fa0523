import type { VariantName } from './variants.js';

/** One server measured in a group; the same variant may run twice (the A/A control). */
export interface Slot {
  readonly id: string;
  readonly variant: VariantName;
}

/**
 * Servers measured side by side: every round runs each of them once, in an
 * order rotated from round to round, so each ratio compares runs a few
 * seconds apart.
 */
export interface Group {
  /** Selects the group in `BENCH_GROUPS`. */
  readonly key: GroupKey;
  readonly name: string;
  readonly slots: readonly Slot[];
}

/** A ratio B ÷ A of requests per second, and the least it must be (none: shown for information). */
export interface Comparison {
  readonly a: string;
  readonly b: string;
  readonly target?: number;
  /** What the ratio says, for the report. */
  readonly meaning: string;
}

export const GROUP_KEYS = ['errors', 'validation', 'route-404', 'guard', 'ok'] as const;
export type GroupKey = (typeof GROUP_KEYS)[number];

const slot = (variant: VariantName, id: string = variant): Slot => ({ id, variant });

/** The second process of Nest's default filter: the same server measured twice shows the noise. */
export const CONTROL_ID = 'nest-default#2';

export function groupsOf(control: boolean): Group[] {
  return [
    {
      key: 'errors',
      name: 'thrown errors',
      slots: [
        slot('nest-default'),
        slot('handwritten'),
        slot('ours'),
        slot('ours-app-error'),
        ...(control ? [slot('nest-default', CONTROL_ID)] : []),
      ],
    },
    {
      key: 'validation',
      name: 'validation',
      slots: [slot('validation-nest'), slot('validation-ours')],
    },
    {
      key: 'route-404',
      name: 'route not found',
      slots: [slot('route-404-nest'), slot('route-404-ours')],
    },
    { key: 'guard', name: 'auth guard', slots: [slot('guard-off'), slot('guard-on')] },
    { key: 'ok', name: 'plain 200', slots: [slot('ok')] },
  ];
}

export function comparisonsOf(control: boolean): Comparison[] {
  return [
    {
      a: 'nest-default',
      b: 'ours',
      target: 1,
      meaning: "a BadRequestException: our filter vs Nest's own",
    },
    {
      a: 'handwritten',
      b: 'ours',
      target: 0.95,
      meaning: 'a BadRequestException: our filter vs the cheapest possible filter',
    },
    {
      a: 'handwritten',
      b: 'ours-app-error',
      target: 0.95,
      meaning: 'an InvalidParameterError: our filter vs the cheapest possible filter',
    },
    {
      a: 'nest-default',
      b: 'ours-app-error',
      meaning:
        "an InvalidParameterError through our filter vs a BadRequestException through Nest's",
    },
    {
      a: 'nest-default',
      b: 'handwritten',
      meaning: "the cheapest possible filter vs Nest's own",
    },
    {
      a: 'validation-nest',
      b: 'validation-ours',
      target: 1,
      meaning: "a failed DTO: ApiValidationPipe + our filter vs Nest's ValidationPipe + filter",
    },
    {
      a: 'route-404-nest',
      b: 'route-404-ours',
      target: 1,
      meaning: "an unknown route: our filter vs Nest's own",
    },
    {
      a: 'guard-off',
      b: 'guard-on',
      target: 0.97,
      meaning: 'a successful authorised request: with TwoFactorAuthGuard vs without',
    },
    ...(control
      ? [
          {
            a: 'nest-default',
            b: CONTROL_ID,
            meaning: 'A/A control: the same server in two processes; its spread is the noise',
          },
        ]
      : []),
  ];
}
