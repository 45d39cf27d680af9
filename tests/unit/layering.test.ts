/**
 * Layering (issue 15): SQL lives only in db/, and db/ depends on nothing above it.
 *
 * - No source file outside db/ calls `.prepare(`, `.pragma(` or a database's `.exec(`: the
 *   services, reports, demo and workers call the small named query functions of db/<area>.ts.
 *   (tests/ are left out: fixtures set files up by hand.)
 * - No file in db/ imports from main/ (db/ is the bottom layer; what it needs lives in db/ or is
 *   passed in).
 *
 * A syntax-tree scan of the tree (TypeScript's parser, no type checking): `.prepare(` and
 * `.pragma(` count whatever they are called on; `.exec(` counts when it is called on something
 * named like a database (`db`, `opened.db`, `file`, `database`, `connection`...) or given SQL text,
 * so that RegExp#exec stays allowed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SKIP = new Set(['node_modules', 'dist', 'out', 'build', 'release', 'coverage', 'test-results', 'playwright-report', '.git']);

/** Files outside db/ that still run SQL: none. A new exception needs a reason written here. */
const NOT_YET_MOVED = new Set<string>();

function sourceFiles(folder: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (SKIP.has(entry.name)) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(ts|tsx|mts|cts|js|mjs|cjs)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(path);
    }
  };
  walk(folder);
  return out;
}

const rel = (path: string) => relative(ROOT, path).split(sep).join('/');

const DATABASE_NAME = /(^|\.)(db|\w*Db|database|\w*Database|file|conn|connection|sqlite)$/i;
const SQL_TEXT = /^\s*(SELECT|INSERT|UPDATE|DELETE|REPLACE|CREATE|DROP|ALTER|PRAGMA|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE|WITH|VACUUM|ATTACH|DETACH|ANALYZE|REINDEX)\b/i;

/** `file:line: call` for each database call in a source text. */
export function databaseCalls(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, fileName.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      if (ts.isPropertyAccessExpression(callee) || ts.isElementAccessExpression(callee)) {
        const name = ts.isPropertyAccessExpression(callee)
          ? callee.name.text
          : ts.isStringLiteralLike(callee.argumentExpression)
            ? callee.argumentExpression.text
            : null;
        const receiver = callee.expression;
        const first = node.arguments[0];
        const sqlArgument = first !== undefined && (ts.isStringLiteralLike(first) || ts.isTemplateExpression(first)) && SQL_TEXT.test(first.getText(source).slice(1));
        const databaseReceiver = !ts.isRegularExpressionLiteral(receiver) && DATABASE_NAME.test(receiver.getText(source).replace(/[\s!?]/g, '').replace(/\(\)$/, ''));
        if (name === 'prepare' || name === 'pragma' || (name === 'exec' && (databaseReceiver || sqlArgument))) {
          const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
          found.push(`${fileName}:${line + 1}: .${name}(`);
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The module specifiers a file imports or re-exports (static, dynamic, require). */
function importsOf(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  const visit = (node: ts.Node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteralLike(node.moduleSpecifier)) {
      out.push(node.moduleSpecifier.text);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference) && ts.isStringLiteralLike(node.moduleReference.expression)) {
      out.push(node.moduleReference.expression.text);
    } else if (ts.isCallExpression(node) && node.arguments.length > 0 && ts.isStringLiteralLike(node.arguments[0]!)) {
      const isImport = node.expression.kind === ts.SyntaxKind.ImportKeyword;
      const isRequire = ts.isIdentifier(node.expression) && node.expression.text === 'require';
      if (isImport || isRequire) out.push((node.arguments[0] as ts.StringLiteralLike).text);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteralLike(node.argument.literal)) {
      out.push(node.argument.literal.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

describe('layering: SQL only in db/', () => {
  it('the scan finds database calls and leaves regular expressions alone', () => {
    const sample = [
      "db.prepare('SELECT 1').get();",
      'opened.db\n  .prepare(`SELECT total_changes()`)\n  .pluck()\n  .get();',
      "ctx.requireDb().pragma('data_version', { simple: true });",
      'db.exec(migration.sql);',
      "this.db.exec('BEGIN');",
      "anything.exec(`CREATE TABLE t (x)`);",
      "/^(\\d+)$/.exec(line);",
      'NAME.exec(name);',
    ].join('\n');
    expect(databaseCalls('sample.ts', sample)).toEqual([
      'sample.ts:1: .prepare(',
      'sample.ts:2: .prepare(',
      'sample.ts:6: .pragma(',
      'sample.ts:7: .exec(',
      'sample.ts:8: .exec(',
      'sample.ts:9: .exec(',
    ]);
  });

  it('no file outside db/ (and tests/) prepares a statement, runs SQL or sets a pragma', () => {
    const offenders: string[] = [];
    const excepted: string[] = [];
    for (const top of readdirSync(ROOT, { withFileTypes: true })) {
      if (SKIP.has(top.name) || top.name === 'db' || top.name === 'tests') continue;
      const files = top.isDirectory() ? sourceFiles(join(ROOT, top.name)) : /\.(ts|mts|cts|js|mjs|cjs)$/.test(top.name) ? [join(ROOT, top.name)] : [];
      for (const file of files) {
        const calls = databaseCalls(rel(file), readFileSync(file, 'utf8'));
        if (calls.length === 0) continue;
        if (NOT_YET_MOVED.has(rel(file))) excepted.push(rel(file));
        else offenders.push(...calls);
      }
    }
    expect(offenders, 'move these queries into a db/<area>.ts function').toEqual([]);
    // The exception lapses by itself once the file is clean: then remove it from NOT_YET_MOVED.
    expect(excepted.length).toBeLessThanOrEqual(NOT_YET_MOVED.size);
  });

  it('nothing in db/ imports from main/, but for the entity types of main/domain/*/types.ts', () => {
    // The entity types live with their domain (issue 15): main/domain is the pure bottom layer,
    // below db/, so db/ may name its row types (type-only: erased, no code runs). Anything else
    // from main/ (errors, context, services) would run the app's upper layers from db/.
    const main = resolve(ROOT, 'main');
    const entityTypes = /^main\/domain\/[a-z]+\/(types|runTypes)$/;
    const offenders: string[] = [];
    for (const file of sourceFiles(join(ROOT, 'db'))) {
      const text = readFileSync(file, 'utf8');
      const typeOnly = new Set(
        [...text.matchAll(/^import type \{[^}]*\} from '([^']+)';/gm)].map((m) => m[1]!),
      );
      for (const specifier of importsOf(file, text)) {
        if (!specifier.startsWith('.')) continue;
        const target = resolve(dirname(file), specifier);
        if (!(target === main || target.startsWith(main + sep))) continue;
        if (typeOnly.has(specifier) && entityTypes.test(rel(target))) continue;
        offenders.push(`${rel(file)} imports ${specifier}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
