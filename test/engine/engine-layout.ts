/**
 * The engine's import rules, read from its source with TypeScript's own parser:
 * the engine runs unchanged in the extension, the CLI and the tests, so it may
 * not reach for a browser, DOM or Node API; and its stage folders follow the
 * pipeline, so a stage may use an earlier one and never a later one.
 */
import { builtinModules } from 'node:module';
import path from 'node:path';
import ts from 'typescript';

/** The engine's stage folders, in the order data flows through them. */
export const STAGES = ['text', 'fingerprint', 'retrieve', 'align', 'verdict'] as const;
/** Files at the engine's root: types every stage may share, and the public surface no engine file imports. */
const SHARED = new Set(['types.ts']);
const SURFACE = 'index.ts';

const BROWSER_MODULES = [/^webextension-polyfill$/, /^linkedom(\/|$)/, /^jsdom(\/|$)/, /^preact(\/|$)/, /^@mozilla\/readability(\/|$)/];
const NODE_MODULES = new Set(builtinModules);
/** Globals only a browser, an extension or a page provides. */
const HOST_GLOBALS = new Set(['window', 'document', 'chrome', 'browser']);

export interface EngineFile {
  /** Path relative to src/engine, with forward slashes, e.g. `text/term.ts`. */
  readonly path: string;
  readonly source: string;
}

export interface ImportUse {
  readonly specifier: string;
  readonly line: number;
}

interface FileUses {
  readonly imports: ImportUse[];
  /** Uses of `window.`, `document.`, `chrome.` or `browser.` where the file declares no name of its own so called. */
  readonly hostGlobals: ImportUse[];
}

/** What a file names, parsed once: modules (static imports and re-exports, `import()`, `require()`) and host globals. */
function usesOf(file: EngineFile): FileUses {
  const sf = ts.createSourceFile(file.path, file.source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const lineOf = (node: ts.Node): number => sf.getLineAndCharacterOfPosition(node.getStart()).line + 1;
  const imports: ImportUse[] = [];
  const globals: ImportUse[] = [];
  const declared = new Set<string>();
  const add = (literal: ts.Node): void => {
    if (ts.isStringLiteralLike(literal)) imports.push({ specifier: literal.text, line: lineOf(literal) });
  };
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) add(node.moduleSpecifier);
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) add(node.moduleReference.expression);
    else if (ts.isCallExpression(node) && node.arguments[0]
      && (node.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(node.expression) && node.expression.text === 'require'))) add(node.arguments[0]);
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) add(node.argument.literal);
    if ((ts.isVariableDeclaration(node) || ts.isParameter(node) || ts.isFunctionDeclaration(node) || ts.isClassDeclaration(node))
      && node.name && ts.isIdentifier(node.name)) declared.add(node.name.text);
    if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && HOST_GLOBALS.has(node.expression.text)) {
      globals.push({ specifier: node.expression.text, line: lineOf(node) });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return { imports, hostGlobals: globals.filter((u) => !declared.has(u.specifier)) };
}

/** Every module a file names. */
export const importsOf = (file: EngineFile): ImportUse[] => usesOf(file).imports;

/** Where a file sits in the pipeline: a stage's rank, or the shared types, the surface, or nowhere known. */
function placeOf(file: string): { rank: number } | 'shared' | 'surface' | 'unknown' {
  const parts = file.split('/');
  if (parts.length === 1) return file === SURFACE ? 'surface' : SHARED.has(file) ? 'shared' : 'unknown';
  const rank = (STAGES as readonly string[]).indexOf(parts[0]!);
  return parts.length === 2 && rank >= 0 ? { rank } : 'unknown';
}

/** Every broken rule, one line each (`file:line: why`); empty when the engine keeps to its layout. */
export function layoutViolations(files: readonly EngineFile[]): string[] {
  const problems: string[] = [];
  for (const file of files) {
    const from = placeOf(file.path);
    if (from === 'unknown') problems.push(`${file.path}: not in a stage folder (${STAGES.join(', ')}) nor a known root file`);
    const uses = usesOf(file);
    for (const use of uses.hostGlobals) problems.push(`${file.path}:${use.line}: uses the host global ${use.specifier}`);
    for (const { specifier, line } of uses.imports) {
      const at = `${file.path}:${line}: imports ${specifier}`;
      if (specifier.startsWith('node:') || NODE_MODULES.has(specifier.split('/')[0]!)) { problems.push(`${at}, a Node module`); continue; }
      if (BROWSER_MODULES.some((m) => m.test(specifier))) { problems.push(`${at}, a browser or DOM module`); continue; }
      if (!specifier.startsWith('.')) continue;
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(file.path), specifier)).replace(/\.js$/, '.ts');
      if (target.startsWith('../')) { problems.push(`${at}, outside the engine`); continue; }
      const to = placeOf(target);
      if (to === 'surface') problems.push(`${at}: engine files import each other, not the public surface`);
      else if (to === 'unknown') problems.push(`${at}: not in a stage folder nor a known root file`);
      else if (to !== 'shared' && (from === 'shared' || (typeof from === 'object' && to.rank > from.rank))) {
        problems.push(`${at}: ${target.split('/')[0]} comes after ${from === 'shared' ? 'the shared types' : STAGES[from.rank]} in the pipeline`);
      }
    }
  }
  return problems;
}
