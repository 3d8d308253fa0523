import type { ErrorDefinition } from './error-definition.interface.js';

interface Slot<T> {
  readonly definition: ErrorDefinition;
  readonly value: T;
}

/**
 * A map keyed by catalog entry that finds an entry by what it is, not by
 * which object it is: an override given as a literal, or an entry copied on
 * the way, still finds its row. Rows are found by code, then told apart by
 * status and title, since a generic status entry (`{ 500, 500, 'Internal
 * Server Error' }`) may share its code with a catalog entry (`Unknown Error`).
 */
export class DefinitionMap<T> {
  private readonly byCode = new Map<number | string, Slot<T>[]>();

  set(definition: ErrorDefinition, value: T): this {
    const slots = this.byCode.get(definition.code);
    const slot = { definition, value };
    if (slots === undefined) {
      this.byCode.set(definition.code, [slot]);
      return this;
    }
    const index = slots.findIndex((existing) => sameEntry(existing.definition, definition));
    if (index === -1) slots.push(slot);
    else slots[index] = slot;
    return this;
  }

  get(definition: ErrorDefinition): T | undefined {
    const slots = this.byCode.get(definition.code);
    if (slots === undefined) return undefined;
    for (const slot of slots) {
      if (sameEntry(slot.definition, definition)) return slot.value;
    }
    return undefined;
  }
}

function sameEntry(a: ErrorDefinition, b: ErrorDefinition): boolean {
  return a === b || (a.code === b.code && a.status === b.status && a.title === b.title);
}
