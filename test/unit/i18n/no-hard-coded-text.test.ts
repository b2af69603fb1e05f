/**
 * What people read comes from the catalogues: no English sentence or label is written into the code
 * that builds answers, posts, views and forms (src/features, src/slack, local/console). Operators'
 * text is allowed where it is for operators: log calls, thrown errors, metric help, comments.
 * A deliberate exception carries `// i18n-ok: why` on its line or the line before; a file whose text
 * is all for operators (the HTTP front's rejection reasons) says `i18n-ok-file: why` once.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../..');
/** The console's page is checked in its own language by test/e2e/local/console/languages*.test.ts. */
const SCANNED = ['src/features', 'src/slack', 'src/i18n/translator.ts'];

function files(dir: string): string[] {
  if (dir.endsWith('.ts')) return [dir];
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    return e.isDirectory() ? files(rel) : e.name.endsWith('.ts') ? [rel] : [];
  });
}

/** Calls whose text is for operators or machines, not for people in Slack. */
const OPERATOR_CALLS = new Set(['debug', 'info', 'warn', 'error', 'child', 'fatal', 'trace']);

function isOperatorText(node: ts.Node): boolean {
  // A property's name (`'digest add': handleDigestAdd`) is a key for code, not text.
  if (node.parent && (ts.isPropertyAssignment(node.parent) || ts.isPropertySignature(node.parent)) && node.parent.name === node) return true;
  for (let p: ts.Node | undefined = node.parent; p; p = p.parent) {
    if (ts.isNewExpression(p) && /Error$/.test(p.expression.getText())) return true;
    if (ts.isCallExpression(p)) {
      const callee = p.expression;
      const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : '';
      if (OPERATOR_CALLS.has(name) || name === 't' || name === 'require') return true;
    }
    if (ts.isImportDeclaration(p) || ts.isExportDeclaration(p) || ts.isLiteralTypeNode(p)) return true;
    if (ts.isBlock(p) || ts.isSourceFile(p)) return false;
  }
  return false;
}

/** English-looking: two words of letters, or one capitalised word, once code, emoji and placeholders are removed. */
function looksEnglish(text: string): boolean {
  const prose = text
    .replace(/`[^`]*`/g, ' ')
    .replace(/:[a-z0-9_+-]+:/g, ' ')
    .replace(/\$\{[^}]*\}/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ');
  return /\b[A-Za-z]{2,}[,;]? [A-Za-z]{2,}\b/.test(prose) || /^\s*[A-Z][a-z]{2,}[.:!?]?\s*$/.test(prose);
}

/**
 * Command tables (each feature's `commands.ts`) hold command words and examples, the same in every
 * language; their descriptions are catalogue keys, which the compiler insists on (`MessageKey`).
 */
const COMMAND_TABLE = /\/commands\.ts$/;

function findings(file: string): string[] {
  if (COMMAND_TABLE.test(file)) return [];
  const source = ts.createSourceFile(file, readFileSync(path.join(ROOT, file), 'utf8'), ts.ScriptTarget.Latest, true);
  const lines = source.getFullText().split('\n');
  if (source.getFullText().includes('i18n-ok-file')) return [];
  const out: string[] = [];
  const visit = (node: ts.Node) => {
    const text = ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) ? node.text : ts.isTemplateExpression(node) ? node.getText() : undefined;
    if (text !== undefined && looksEnglish(text) && !isOperatorText(node)) {
      const line = source.getLineAndCharacterOfPosition(node.getStart()).line;
      if (!/i18n-ok/.test(lines[line] ?? '') && !/i18n-ok/.test(lines[line - 1] ?? '')) out.push(`${file}:${line + 1}: ${text.slice(0, 70)}`);
    }
    if (!ts.isTemplateExpression(node)) ts.forEachChild(node, visit);
    else node.templateSpans.forEach((s) => visit(s.expression));
  };
  visit(source);
  return out;
}

describe('no hard-coded text for people', () => {
  it('finds English where it is planted (the check can fail)', () => {
    expect(looksEnglish('Campaign stats')).toBe(true);
    expect(looksEnglish('Dialled')).toBe(true);
    expect(looksEnglish('queries.stats.title')).toBe(false);
    expect(looksEnglish(':warning: `stats`')).toBe(false);
  });

  for (const dir of SCANNED) {
    it(`${dir}: every text for people comes from a catalogue`, () => {
      expect(files(dir).flatMap(findings)).toEqual([]);
    });
  }
});
