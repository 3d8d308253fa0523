import { readFileSync } from 'node:fs';

/** One shell block of the README and the response shown after it, if any. */
export interface ReadmeExample {
  /** The block's lines, continuation-free. */
  commands: string[];
  /** `HTTP/1.1 404 Not Found` and the body below it. */
  expected?: { status: number; body: string };
}

/**
 * Reads the ```bash blocks of a README section, each with the ```http block
 * that follows it. The README shows the sample's real requests and responses;
 * the tests replay them, so the two cannot drift apart.
 */
export function readExamples(readmePath: string, sectionTitle: string): ReadmeExample[] {
  const text = readFileSync(readmePath, 'utf8');
  const start = text.indexOf(`## ${sectionTitle}`);
  if (start === -1) throw new Error(`README has no section "${sectionTitle}"`);
  const end = text.indexOf('\n## ', start + 1);
  const section = text.slice(start, end === -1 ? undefined : end);
  const blocks = [...section.matchAll(/```(\w+)\n([\s\S]*?)```/g)].map((m) => ({
    language: m[1],
    body: m[2],
    index: m.index ?? 0,
    length: m[0].length,
  }));
  const examples: ReadmeExample[] = [];
  blocks.forEach((block, i) => {
    if (block.language !== 'bash') return;
    const commands = block.body
      .split('\n')
      .filter((line) => line.trim() !== '' && !line.startsWith('#'));
    const next = blocks[i + 1];
    const adjacent =
      next?.language === 'http' &&
      section.slice(block.index + block.length, next.index).trim() === '';
    if (!adjacent) {
      examples.push({ commands });
      return;
    }
    const [statusLine, ...bodyLines] = next.body.trimEnd().split('\n');
    const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(statusLine)?.[1]);
    examples.push({ commands, expected: { status, body: bodyLines.join('\n') } });
  });
  return examples;
}

/** `NAME=$(...)`: the shell variable a command line sets, if any. */
export function variableSet(line: string): string | undefined {
  return /^(\w+)=\$\(/.exec(line)?.[1];
}

/** The shell variables a command line reads (`$NAME`), in order. */
export function variablesRead(line: string): string[] {
  return [...line.matchAll(/\$(\w+)/g)].map((match) => match[1]);
}

/**
 * The earlier examples to replay before `examples[index]`, in README order:
 * for each variable it reads before setting, the last earlier example that
 * sets it, with what that one needs in turn. Each example can then run on a
 * fresh server, alone, as a reader who jumps to it would run it after the
 * steps it refers to.
 */
export function examplesBefore(examples: readonly ReadmeExample[], index: number): number[] {
  const needed = new Set<number>();
  const visit = (at: number) => {
    const set = new Set<string>();
    for (const line of examples[at].commands) {
      for (const name of variablesRead(line)) {
        if (set.has(name)) continue;
        const source = examples
          .slice(0, at)
          .findLastIndex((example) =>
            example.commands.some((command) => variableSet(command) === name),
          );
        if (source === -1) throw new Error(`$${name} is read before any example sets it`);
        if (!needed.has(source)) {
          needed.add(source);
          visit(source);
        }
      }
      const name = variableSet(line);
      if (name !== undefined) set.add(name);
    }
  };
  visit(index);
  return [...needed].sort((a, b) => a - b);
}

/** Splits a shell command into words, honouring quotes and expanding `$VAR`. */
export function shellWords(line: string, vars: Readonly<Record<string, string>>): string[] {
  const words: string[] = [];
  let word: string | undefined;
  const expand = (name: string) => {
    const value = vars[name];
    if (value === undefined) throw new Error(`$${name} is not set`);
    return value;
  };
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (char === ' ') {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else if (char === "'") {
      const close = line.indexOf("'", i + 1);
      word = (word ?? '') + line.slice(i + 1, close);
      i = close;
    } else if (char === '"') {
      word ??= '';
      for (i++; line[i] !== '"'; i++) {
        if (line[i] === '\\') word += line[++i];
        else if (line[i] === '$') {
          const name = /^\w+/.exec(line.slice(i + 1))![0];
          word += expand(name);
          i += name.length;
        } else word += line[i];
      }
    } else if (char === '$') {
      const name = /^\w+/.exec(line.slice(i + 1))![0];
      word = (word ?? '') + expand(name);
      i += name.length;
    } else {
      word = (word ?? '') + char;
    }
  }
  if (word !== undefined) words.push(word);
  return words;
}

export interface CurlRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/** The request a `curl -s [-X M] [-H h]... [-d data] URL` command sends. */
export function parseCurl(words: readonly string[]): CurlRequest {
  if (words[0] !== 'curl') throw new Error(`not a curl command: ${words.join(' ')}`);
  let method: string | undefined;
  let url: string | undefined;
  let body: string | undefined;
  const headers: Record<string, string> = {};
  for (let i = 1; i < words.length; i++) {
    const word = words[i];
    if (word === '-s') continue;
    if (word === '-X') method = words[++i];
    else if (word === '-H') {
      const [name, ...value] = words[++i].split(':');
      headers[name.trim().toLowerCase()] = value.join(':').trim();
    } else if (word === '-d') body = words[++i];
    else if (word.startsWith('-')) throw new Error(`unsupported curl option ${word}`);
    else url = word;
  }
  if (url === undefined) throw new Error('curl command without URL');
  const path = url.replace(/^(http:\/\/)?localhost:3000/, '');
  return { method: method ?? (body === undefined ? 'GET' : 'POST'), path, headers, body };
}

/**
 * Compares a response body with the README's, where a `<token>` or `<number>`
 * inside a string stands for any token or number.
 */
export function matchesShown(actual: unknown, shown: unknown): boolean {
  if (Object.is(actual, shown)) return true;
  if (typeof shown === 'string' && /<(token|number)>/.test(shown)) {
    const pattern = shown
      .split(/(<token>|<number>)/)
      .map((part) =>
        part === '<token>'
          ? '[A-Za-z0-9_-]+'
          : part === '<number>'
            ? '\\d+'
            : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
      )
      .join('');
    return typeof actual === 'string' && new RegExp(`^${pattern}$`).test(actual);
  }
  if (typeof shown === 'object' && shown !== null) {
    if (typeof actual !== 'object' || actual === null) return false;
    if (Array.isArray(shown) !== Array.isArray(actual)) return false;
    const shownKeys = Object.keys(shown);
    const actualKeys = Object.keys(actual);
    return (
      shownKeys.length === actualKeys.length &&
      shownKeys.every((key) =>
        matchesShown(
          (actual as Record<string, unknown>)[key],
          (shown as Record<string, unknown>)[key],
        ),
      )
    );
  }
  return false;
}
