/**
 * src/follow is to run in the extension's worker too: no Node module, no DOM global. Only
 * linkedom-documents.ts, the document parser for hosts without one, may import linkedom.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';
import { ROOT } from '../../src/build/paths.js';

const FOLLOW = path.join(ROOT, 'src/follow');
const PARSER_HOST = 'linkedom-documents.ts';
const DOM_GLOBALS = new Set(['document', 'window', 'DOMParser', 'XMLHttpRequest', 'localStorage', 'chrome', 'browser', 'process', 'Buffer', 'require']);

export function problemsIn(name: string, source: string): string[] {
  const file = ts.createSourceFile(name, source, ts.ScriptTarget.Latest, true);
  const problems: string[] = [];
  // A name the file imports is not the global of that name.
  const imported = new Set<string>();
  for (const statement of file.statements) {
    const bindings = ts.isImportDeclaration(statement) ? statement.importClause?.namedBindings : undefined;
    if (bindings && ts.isNamedImports(bindings)) for (const element of bindings.elements) imported.add(element.name.text);
  }
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const from = node.moduleSpecifier.text;
      const allowed = from.startsWith('.') || (from === 'linkedom' && name === PARSER_HOST);
      if (!allowed) problems.push(`${name} imports ${from}`);
    }
    if (ts.isIdentifier(node) && DOM_GLOBALS.has(node.text) && !imported.has(node.text)) {
      const parent = node.parent;
      const isMember = ts.isPropertyAccessExpression(parent) && parent.name === node;
      const isDeclaredName = (ts.isPropertyAssignment(parent) || ts.isPropertySignature(parent) || ts.isParameter(parent)) && parent.name === node;
      if (!isMember && !isDeclaredName) problems.push(`${name} uses the global ${node.text}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return problems;
}

describe('src/follow runs in a worker', () => {
  test('no Node module, no DOM or browser global', () => {
    const problems = readdirSync(FOLLOW).filter((n) => n.endsWith('.ts')).flatMap((n) => problemsIn(n, readFileSync(path.join(FOLLOW, n), 'utf8')));
    expect(problems).toEqual([]);
  });

  test('the check catches what it is for', () => {
    expect(problemsIn('rss.ts', "import { readFile } from 'node:fs';")).toEqual(['rss.ts imports node:fs']);
    expect(problemsIn('rss.ts', "import { DOMParser } from 'linkedom';")).toEqual(['rss.ts imports linkedom']);
    expect(problemsIn('rss.ts', 'const d = new DOMParser();')).toEqual(['rss.ts uses the global DOMParser']);
    expect(problemsIn('rss.ts', 'const t = document.title;')).toEqual(['rss.ts uses the global document']);
    expect(problemsIn('rss.ts', 'const t = doc.document; const o = { window: 1 };')).toEqual([]);
  });
});
