import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// STYLE.md: verbs carry contracts — `get*` may return null, `require*` throws.
// A service `get*` that throws (or delegates to a `require*`) breaks the
// contract callers rely on when they test for null.
const servicesDir = path.resolve(import.meta.dirname, '../../src/services');

/** The body of the function declared at `start`: past its parameters and return type. */
function bodyFrom(source: string, start: number) {
  let i = source.indexOf('(', start);
  for (let parens = 0; ; i++) {
    if (source[i] === '(') parens++;
    else if (source[i] === ')' && --parens === 0) break;
  }
  // The body's brace is the first one outside the return type's generics.
  for (let angles = 0; source[i] !== '{' || angles > 0; i++) {
    if (source[i] === '<') angles++;
    else if (source[i] === '>') angles--;
  }
  const open = i;
  for (let depth = 0; i < source.length; i++) {
    if (source[i] === '{') depth++;
    else if (source[i] === '}' && --depth === 0) break;
  }
  return source.slice(open, i + 1);
}

async function serviceGetters() {
  const files = (await readdir(servicesDir)).filter((f) => f.endsWith('.ts'));
  const found: { name: string; body: string }[] = [];
  for (const file of files) {
    const source = await readFile(path.join(servicesDir, file), 'utf8');
    for (const m of source.matchAll(/export (?:async )?function (get\w+)/g)) {
      found.push({ name: `${file}: ${m[1]}`, body: bodyFrom(source, m.index) });
    }
  }
  return found;
}

describe('service names keep their contracts', () => {
  it('no service get* function throws or goes through a require*', async () => {
    const throwing = (await serviceGetters())
      .filter(({ body }) => /\bthrow\b|\brequire[A-Z]\w*\(/.test(body))
      .map(({ name }) => name);
    expect(throwing).toEqual([]);
  });
});
