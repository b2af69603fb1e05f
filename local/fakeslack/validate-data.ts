/**
 * The checks Slack applies to charts (`data_visualization`) and tables (`table`, `data_table`), from
 * the references (docs.slack.dev/reference/block-kit/blocks/…): the fake refuses what they forbid,
 * so a test that posts through it proves the bot stays within them. Where the reference leaves room
 * (must every series have every category?), the stricter reading is checked.
 */

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown, max: number): v is string => typeof v === 'string' && v.length > 0 && v.length <= max;

/** Problems of one `data_visualization` block at `at` (`[json-pointer:/blocks/3`). */
export function chartProblems(raw: Obj, at: string, problems: string[]): void {
  if (!isText(raw['title'], 50)) problems.push(`title must be 1 to 50 characters ${at}/title]`);
  const chart = raw['chart'];
  if (!isObject(chart)) {
    problems.push(`missing chart ${at}/chart]`);
    return;
  }
  const type = chart['type'];
  if (type === 'pie') {
    const segments = chart['segments'];
    if (!Array.isArray(segments) || segments.length < 1 || segments.length > 6) problems.push(`must have 1 to 6 segments ${at}/chart/segments]`);
    else
      segments.forEach((s, i) => {
        if (!isObject(s) || !isText(s['label'], 20)) problems.push(`segment label must be 1 to 20 characters ${at}/chart/segments/${i}/label]`);
        else if (typeof s['value'] !== 'number' || !Number.isFinite(s['value']) || s['value'] <= 0) problems.push(`segment value must be greater than 0 ${at}/chart/segments/${i}/value]`);
      });
    return;
  }
  if (type !== 'line' && type !== 'bar' && type !== 'area') {
    problems.push(`chart type must be line, bar, area or pie ${at}/chart/type]`);
    return;
  }
  const axis = chart['axis_config'];
  if (!isObject(axis)) {
    problems.push(`missing axis_config ${at}/chart/axis_config]`);
    return;
  }
  for (const key of ['x_label', 'y_label'] as const) {
    if (axis[key] !== undefined && !isText(axis[key], 50)) problems.push(`must be 1 to 50 characters ${at}/chart/axis_config/${key}]`);
  }
  const categories = axis['categories'];
  if (!Array.isArray(categories) || categories.length < 1 || categories.length > 20 || !categories.every((c) => isText(c, 20))) {
    problems.push(`categories must be 1 to 20 labels of 1 to 20 characters ${at}/chart/axis_config/categories]`);
    return;
  }
  if (new Set(categories).size !== categories.length) problems.push(`categories must be unique ${at}/chart/axis_config/categories]`);
  const series = chart['series'];
  if (!Array.isArray(series) || series.length < 1 || series.length > 6) {
    problems.push(`must have 1 to 6 series ${at}/chart/series]`);
    return;
  }
  const names = new Set<string>();
  series.forEach((s, i) => {
    const where = `${at}/chart/series/${i}`;
    if (!isObject(s) || !isText(s['name'], 20)) return problems.push(`series name must be 1 to 20 characters ${where}/name]`);
    if (names.has(s['name'])) problems.push(`series names must be unique ${where}/name]`);
    names.add(s['name']);
    const data = s['data'];
    if (!Array.isArray(data) || data.length < 1 || data.length > 20) return problems.push(`must have 1 to 20 data points ${where}/data]`);
    const labels = new Set<string>();
    data.forEach((p, j) => {
      if (!isObject(p) || typeof p['label'] !== 'string' || !categories.includes(p['label'])) problems.push(`data point label must be one of the categories ${where}/data/${j}/label]`);
      else labels.add(p['label']);
      if (!isObject(p) || typeof p['value'] !== 'number' || !Number.isFinite(p['value'])) problems.push(`data point value must be a number ${where}/data/${j}/value]`);
    });
    if (labels.size !== data.length || labels.size !== categories.length) problems.push(`every series must have one data point per category ${where}/data]`);
    return undefined;
  });
}

/** Problems of one `table` block. */
export function tableProblems(raw: Obj, at: string, problems: string[]): void {
  const rows = raw['rows'];
  if (!Array.isArray(rows) || rows.length < 1 || rows.length > 100) {
    problems.push(`must have 1 to 100 rows ${at}/rows]`);
    return;
  }
  let chars = 0;
  rows.forEach((row, i) => {
    if (!Array.isArray(row) || row.length < 1 || row.length > 20) return problems.push(`a row must have 1 to 20 cells ${at}/rows/${i}]`);
    row.forEach((c, j) => (chars += cellProblems(c, `${at}/rows/${i}/${j}`, problems)));
    return undefined;
  });
  if (chars > 10_000) problems.push(`table cells must hold at most 10000 characters in all ${at}/rows]`);
  columnSettingProblems(raw['column_settings'], at, problems);
}

/** Problems of one `data_table` block. */
export function dataTableProblems(raw: Obj, at: string, problems: string[]): void {
  if (!isText(raw['caption'], 3000)) problems.push(`caption is required ${at}/caption]`);
  const pageSize = raw['page_size'];
  if (pageSize !== undefined && (!Number.isInteger(pageSize) || (pageSize as number) < 1 || (pageSize as number) > 100)) problems.push(`page_size must be 1 to 100 ${at}/page_size]`);
  const rows = raw['rows'];
  if (!Array.isArray(rows) || rows.length < 2 || rows.length > 101) {
    problems.push(`must have 2 to 101 rows ${at}/rows]`);
    return;
  }
  const width = Array.isArray(rows[0]) ? rows[0].length : 0;
  rows.forEach((row, i) => {
    if (!Array.isArray(row) || row.length < 1 || row.length > 20 || row.length !== width) return problems.push(`every row must have the same 1 to 20 cells ${at}/rows/${i}]`);
    row.forEach((c, j) => {
      if (i === 0 && isObject(c) && c['type'] === 'rich_text') problems.push(`header cells cannot be rich_text ${at}/rows/0/${j}]`);
      cellProblems(c, `${at}/rows/${i}/${j}`, problems);
    });
    return undefined;
  });
}

/** Checks one cell; returns how many characters of text it holds. */
function cellProblems(c: unknown, at: string, problems: string[]): number {
  if (!isObject(c)) {
    problems.push(`a cell must be an object ${at}]`);
    return 0;
  }
  if (c['type'] === 'raw_text') {
    if (!isText(c['text'], 10_000)) problems.push(`must be more than 0 characters ${at}/text]`);
    return typeof c['text'] === 'string' ? c['text'].length : 0;
  }
  if (c['type'] === 'raw_number') {
    if (typeof c['value'] !== 'number' || !isText(c['text'], 10_000)) problems.push(`raw_number needs a value and a text ${at}]`);
    return typeof c['text'] === 'string' ? c['text'].length : 0;
  }
  if (c['type'] === 'rich_text') {
    const text = richText(c);
    if (text === undefined) problems.push(`missing required field: elements ${at}/elements]`);
    else if (text.length === 0) problems.push(`must be more than 0 characters ${at}/elements]`);
    return text?.length ?? 0;
  }
  problems.push(`a cell must be raw_text, raw_number or rich_text ${at}/type]`);
  return 0;
}

/** The text of a rich_text cell, or undefined when it is not one. */
function richText(c: Obj): string | undefined {
  const sections = c['elements'];
  if (!Array.isArray(sections) || sections.length === 0) return undefined;
  let text = '';
  for (const s of sections) {
    if (!isObject(s) || !Array.isArray(s['elements'])) return undefined;
    for (const e of s['elements']) {
      if (!isObject(e) || typeof e['type'] !== 'string') return undefined;
      text += typeof e['text'] === 'string' ? e['text'] : e['type'] === 'emoji' || e['type'] === 'user' || e['type'] === 'channel' ? ' ' : '';
    }
  }
  return text;
}

function columnSettingProblems(settings: unknown, at: string, problems: string[]): void {
  if (settings === undefined) return;
  if (!Array.isArray(settings) || settings.length > 20) {
    problems.push(`must have at most 20 column settings ${at}/column_settings]`);
    return;
  }
  settings.forEach((s, i) => {
    if (s === null) return;
    if (!isObject(s)) return problems.push(`a column setting must be an object ${at}/column_settings/${i}]`);
    if (s['align'] !== undefined && !['left', 'center', 'right'].includes(String(s['align']))) problems.push(`align must be left, center or right ${at}/column_settings/${i}/align]`);
    if (s['is_wrapped'] !== undefined && typeof s['is_wrapped'] !== 'boolean') problems.push(`is_wrapped must be a boolean ${at}/column_settings/${i}/is_wrapped]`);
    return undefined;
  });
}
