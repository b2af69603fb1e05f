/**
 * The Block Kit checks Slack applies before it accepts a message (or a view, see views.ts), so the
 * fake refuses what the real API refuses (`invalid_blocks`, `msg_too_long`) and tests of message
 * size mean something. Charts
 * and tables are checked in ./validate-data.ts.
 */
import { chartProblems, dataTableProblems, tableProblems } from './validate-data.js';

/** Problems found, as Slack words them loosely; empty when the blocks are valid. Messages take 50 blocks, views 100. */
export function blockProblems(blocks: unknown, opts: { maxBlocks?: number } = {}): string[] {
  if (blocks === undefined) return [];
  if (!Array.isArray(blocks)) return ['blocks must be an array [json-pointer:/blocks]'];
  const problems: string[] = [];
  const max = opts.maxBlocks ?? 50;
  if (blocks.length > max) problems.push(`must be less than ${max + 1} items [json-pointer:/blocks]`);
  const ids = new Set<string>();
  const count = (types: readonly string[]) => blocks.filter((b) => isObject(b) && types.includes(String(b['type']))).length;
  if (count(['data_visualization']) > 2) problems.push('at most 2 data_visualization blocks per message [json-pointer:/blocks]');
  if (count(['table', 'data_table']) > 1) problems.push('only_one_table_allowed [json-pointer:/blocks]');
  blocks.forEach((raw, i) => {
    const at = `[json-pointer:/blocks/${i}`;
    if (!isObject(raw) || typeof raw['type'] !== 'string') {
      problems.push(`missing block type ${at}]`);
      return;
    }
    const id = raw['block_id'];
    if (typeof id === 'string') {
      if (ids.has(id)) problems.push(`duplicate block_id ${at}/block_id]`);
      if (id.length > 255) problems.push(`must be less than 256 characters ${at}/block_id]`);
      ids.add(id);
    }
    switch (raw['type']) {
      case 'header':
        checkText(raw['text'], 150, `${at}/text`, problems, true);
        break;
      case 'section': {
        const fields = raw['fields'];
        if (raw['text'] === undefined && fields === undefined) problems.push(`must provide text or fields ${at}]`);
        if (raw['text'] !== undefined) checkText(raw['text'], 3000, `${at}/text`, problems);
        if (fields !== undefined) {
          if (!Array.isArray(fields) || fields.length > 10) problems.push(`must be less than 11 items ${at}/fields]`);
          else fields.forEach((f, j) => checkText(f, 2000, `${at}/fields/${j}`, problems));
        }
        break;
      }
      case 'context': {
        const els = raw['elements'];
        if (!Array.isArray(els) || els.length === 0 || els.length > 10) problems.push(`must have 1 to 10 items ${at}/elements]`);
        else els.forEach((e, j) => isObject(e) && e['type'] !== 'image' && checkText(e, 3000, `${at}/elements/${j}`, problems));
        break;
      }
      case 'actions': {
        const els = raw['elements'];
        if (!Array.isArray(els) || els.length === 0 || els.length > 25) problems.push(`must have 1 to 25 items ${at}/elements]`);
        else els.forEach((e, j) => checkButton(e, `${at}/elements/${j}`, problems));
        break;
      }
      case 'data_visualization':
        chartProblems(raw, at, problems);
        break;
      case 'table':
        tableProblems(raw, at, problems);
        break;
      case 'data_table':
        dataTableProblems(raw, at, problems);
        break;
      default:
        break;
    }
  });
  return problems;
}

function checkButton(e: unknown, at: string, problems: string[]): void {
  if (!isObject(e) || e['type'] !== 'button') return;
  checkText(e['text'], 75, `${at}/text`, problems, true);
  const value = e['value'];
  if (typeof value === 'string' && value.length > 2000) problems.push(`must be less than 2001 characters ${at}/value]`);
  const id = e['action_id'];
  if (typeof id === 'string' && id.length > 255) problems.push(`must be less than 256 characters ${at}/action_id]`);
}

function checkText(t: unknown, max: number, at: string, problems: string[], plainOnly = false): void {
  if (!isObject(t) || typeof t['text'] !== 'string' || (t['type'] !== 'plain_text' && t['type'] !== 'mrkdwn')) {
    problems.push(`must be a text object ${at}]`);
    return;
  }
  if (plainOnly && t['type'] !== 'plain_text') problems.push(`must be plain_text ${at}/type]`);
  const text = t['text'];
  if (text.length === 0) problems.push(`must be more than 0 characters ${at}/text]`);
  if (text.length > max) problems.push(`must be less than ${max + 1} characters ${at}/text]`);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
