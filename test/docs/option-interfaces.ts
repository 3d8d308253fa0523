import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** One property of an options interface, as the TypeScript compiler sees it. */
export interface DeclaredOption {
  /** The property name, e.g. `resolveTimeoutMs`. */
  readonly name: string;
  /** Whether it may be left out (`?`). */
  readonly optional: boolean;
  /** The text of its `@default` tag, if it has one. */
  readonly defaultTag: string | undefined;
  /** Its doc comment, without tags. */
  readonly documentation: string;
  /** Whether the interface declares it itself rather than inheriting it. */
  readonly own: boolean;
}

/** An options interface exported by the package root, with every property it has. */
export interface DeclaredInterface {
  readonly name: string;
  readonly properties: readonly DeclaredOption[];
  /** Interfaces the package's option properties hold, by property name (`auth` -> `AuthOptions`). */
  readonly nested: ReadonlyMap<string, string>;
  /**
   * What it extends, by name, with the properties each gives: `Omit<ValidationPipeOptions, …>`
   * is `ValidationPipeOptions` with what is left of it.
   */
  readonly bases: ReadonlyMap<string, readonly string[]>;
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Reads option interfaces from the package's public entry point with the
 * TypeScript compiler, so inherited properties, `Omit<>` and generics count
 * as they do for a user's editor.
 */
export function declaredInterfaces(
  names: readonly string[],
  entryFile = 'src/index.ts',
): Map<string, DeclaredInterface> {
  const configPath = ts.findConfigFile(ROOT, (path) => ts.sys.fileExists(path), 'tsconfig.json');
  if (configPath === undefined) throw new Error('tsconfig.json not found');
  const config = ts.parseJsonConfigFileContent(
    ts.readConfigFile(configPath, (path) => ts.sys.readFile(path)).config,
    ts.sys,
    ROOT,
  );
  const entry = `${ROOT}${entryFile}`;
  const program = ts.createProgram([entry], config.options);
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(entry);
  const moduleSymbol = source === undefined ? undefined : checker.getSymbolAtLocation(source);
  if (moduleSymbol === undefined) throw new Error(`${entryFile} is not a module`);

  const exported = new Map<string, ts.Symbol>();
  for (const symbol of checker.getExportsOfModule(moduleSymbol)) {
    const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    exported.set(symbol.name, target);
  }

  const interfaceNameOf = (type: ts.Type): string | undefined => {
    const symbol = type.aliasSymbol ?? type.getSymbol();
    return symbol !== undefined && names.includes(symbol.name) ? symbol.name : undefined;
  };

  const result = new Map<string, DeclaredInterface>();
  for (const name of names) {
    const symbol = exported.get(name);
    if (symbol === undefined || !(symbol.flags & ts.SymbolFlags.Interface)) {
      throw new Error(`${name} is not an interface exported by ${entryFile}`);
    }
    const type = checker.getDeclaredTypeOfSymbol(symbol);
    const declarations = (symbol.declarations ?? []).filter(ts.isInterfaceDeclaration);
    const properties: DeclaredOption[] = [];
    const nested = new Map<string, string>();
    for (const property of checker.getPropertiesOfType(type)) {
      const owner = property.declarations?.[0]?.parent;
      properties.push({
        name: property.name,
        optional: (property.flags & ts.SymbolFlags.Optional) !== 0,
        defaultTag: defaultTagOf(property, checker),
        documentation: ts.displayPartsToString(property.getDocumentationComment(checker)),
        own: declarations.some((declaration) => declaration === owner),
      });
      const propertyType = checker.getTypeOfSymbol(property);
      const parts = propertyType.isUnion() ? propertyType.types : [propertyType];
      for (const part of parts) {
        const held = interfaceNameOf(part);
        if (held !== undefined) nested.set(property.name, held);
      }
    }
    result.set(name, { name, properties, nested, bases: basesOf(declarations, checker) });
  }
  return result;
}

function basesOf(
  declarations: readonly ts.InterfaceDeclaration[],
  checker: ts.TypeChecker,
): Map<string, string[]> {
  const bases = new Map<string, string[]>();
  for (const declaration of declarations) {
    for (const clause of declaration.heritageClauses ?? []) {
      for (const node of clause.types) {
        const extended = checker.getTypeAtLocation(node);
        // `Omit<T, K>` and its kin are aliases: the base a reader knows is `T`.
        const base = extended.aliasTypeArguments?.[0] ?? extended;
        const baseName = base.getSymbol()?.name ?? node.expression.getText();
        const given = checker.getPropertiesOfType(extended).map((property) => property.name);
        bases.set(baseName, given);
      }
    }
  }
  return bases;
}

function defaultTagOf(property: ts.Symbol, checker: ts.TypeChecker): string | undefined {
  const tag = property.getJsDocTags(checker).find((candidate) => candidate.name === 'default');
  return tag === undefined ? undefined : ts.displayPartsToString(tag.text).trim();
}
