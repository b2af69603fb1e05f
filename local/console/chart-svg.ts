/**
 * `data_visualization` blocks → inline SVG, drawn here on the server: the console's
 * Content-Security-Policy allows no inline script or style, and an `<svg>` of shapes with classes
 * (coloured by console.css) needs neither. Line, bar and area charts get axes, grid lines and a
 * legend; pie charts their slices. Every mark has a `<title>`, so hovering shows its value, and the
 * figure is labelled with the chart's title for screen readers.
 *
 * Input is whatever the bot posted, so every field is checked; undefined means "not a chart this
 * renderer can draw" and the caller shows the block's JSON instead.
 */
import { escapeHtml } from './mrkdwn-html.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

const W = 560;
const H = 240;
const PAD = { left: 52, right: 12, top: 12, bottom: 44 };
const PLOT_W = W - PAD.left - PAD.right;
const PLOT_H = H - PAD.top - PAD.bottom;

interface Series {
  name: string;
  values: Array<number | undefined>;
}

/** The block as HTML (a figure with its title, the SVG and a legend), or undefined when it cannot be drawn. */
export function chartToHtml(block: Obj): string | undefined {
  const chart = block['chart'];
  if (!isObj(chart)) return undefined;
  const title = str(block['title']);
  const type = str(chart['type']);
  let svg: string | undefined;
  let legend: string[] = [];
  if (type === 'pie') {
    const segments = list(chart['segments']).flatMap((s) => (isObj(s) && (num(s['value']) ?? 0) > 0 ? [{ label: str(s['label']), value: num(s['value'])! }] : []));
    if (segments.length === 0) return undefined;
    svg = pie(title, segments);
    legend = segments.map((s) => s.label);
  } else if (type === 'line' || type === 'bar' || type === 'area') {
    const axis = isObj(chart['axis_config']) ? chart['axis_config'] : {};
    const categories = list(axis['categories']).map(str);
    const series: Series[] = list(chart['series']).flatMap((s) => {
      if (!isObj(s)) return [];
      const byLabel = new Map(list(s['data']).flatMap((p) => (isObj(p) && num(p['value']) !== undefined ? [[str(p['label']), num(p['value'])!] as const] : [])));
      return [{ name: str(s['name']), values: categories.map((c) => byLabel.get(c)) }];
    });
    if (categories.length === 0 || series.length === 0) return undefined;
    svg = xy(type, title, categories, series, str(axis['x_label']), str(axis['y_label']));
    legend = series.map((s) => s.name);
  }
  if (!svg) return undefined;
  const keys = legend.map((name, i) => `<span class="chart-key"><span class="chart-swatch chart-c${i % 6}"></span>${escapeHtml(name)}</span>`).join('');
  return `<figure class="b b-chart"><figcaption class="chart-title">${escapeHtml(title)}</figcaption>${svg}<div class="chart-legend">${keys}</div></figure>`;
}

function xy(type: 'line' | 'bar' | 'area', title: string, categories: string[], series: Series[], xLabel: string, yLabel: string): string {
  const values = series.flatMap((s) => s.values.filter((v): v is number => v !== undefined));
  const [lo, hi, step] = niceScale(Math.min(0, ...values), Math.max(0, ...values));
  const y = (v: number) => PAD.top + PLOT_H - ((v - lo) / (hi - lo)) * PLOT_H;
  const band = PLOT_W / categories.length;
  const x = (i: number) => PAD.left + band * (i + 0.5);
  const parts: string[] = [];
  for (let v = lo; v <= hi + step / 2; v += step) {
    parts.push(`<line class="chart-grid" x1="${PAD.left}" x2="${W - PAD.right}" y1="${f(y(v))}" y2="${f(y(v))}"/>`);
    parts.push(`<text class="chart-tick" x="${PAD.left - 6}" y="${f(y(v) + 4)}" text-anchor="end">${escapeHtml(short(v))}</text>`);
  }
  // Every label when they fit, else every n-th.
  const every = Math.max(1, Math.ceil(categories.length / Math.floor(PLOT_W / 44)));
  categories.forEach((c, i) => {
    if (i % every === 0) parts.push(`<text class="chart-tick" x="${f(x(i))}" y="${H - PAD.bottom + 16}" text-anchor="middle">${escapeHtml(c)}</text>`);
  });
  parts.push(`<line class="chart-axis" x1="${PAD.left}" x2="${W - PAD.right}" y1="${f(y(0))}" y2="${f(y(0))}"/>`);
  if (xLabel) parts.push(`<text class="chart-axis-title" x="${PAD.left + PLOT_W / 2}" y="${H - 6}" text-anchor="middle">${escapeHtml(xLabel)}</text>`);
  if (yLabel) parts.push(`<text class="chart-axis-title" x="12" y="${PAD.top + PLOT_H / 2}" text-anchor="middle" transform="rotate(-90 12 ${PAD.top + PLOT_H / 2})">${escapeHtml(yLabel)}</text>`);

  series.forEach((s, k) => {
    const cls = `chart-c${k % 6}`;
    const tip = (i: number) => `<title>${escapeHtml(`${s.name} · ${categories[i]}: ${short(s.values[i]!, true)}`)}</title>`;
    if (type === 'bar') {
      const w = Math.max(2, (band * 0.8) / series.length);
      s.values.forEach((v, i) => {
        if (v === undefined) return;
        const left = PAD.left + band * i + band * 0.1 + w * k;
        const top = Math.min(y(v), y(0));
        parts.push(`<rect class="chart-bar ${cls}" x="${f(left)}" y="${f(top)}" width="${f(w)}" height="${f(Math.max(1, Math.abs(y(v) - y(0))))}">${tip(i)}</rect>`);
      });
      return;
    }
    // A missing point breaks the line (and the area) instead of being drawn as anything.
    for (const run of runs(s.values)) {
      const pts = run.map((i) => `${f(x(i))},${f(y(s.values[i]!))}`);
      if (type === 'area') {
        const base = `${f(x(run.at(-1)!))},${f(y(0))} ${f(x(run[0]!))},${f(y(0))}`;
        parts.push(`<polygon class="chart-area ${cls}" points="${pts.join(' ')} ${base}"/>`);
      }
      if (run.length > 1) parts.push(`<polyline class="chart-line ${cls}" points="${pts.join(' ')}"/>`);
    }
    s.values.forEach((v, i) => {
      if (v !== undefined) parts.push(`<circle class="chart-dot ${cls}" cx="${f(x(i))}" cy="${f(y(v))}" r="3">${tip(i)}</circle>`);
    });
  });
  return svgOf(title, parts);
}

function pie(title: string, segments: ReadonlyArray<{ label: string; value: number }>): string {
  const total = segments.reduce((n, s) => n + s.value, 0);
  const cx = W / 2;
  const cy = H / 2;
  const r = H / 2 - 16;
  let angle = -Math.PI / 2;
  const parts = segments.map((s, k) => {
    const share = s.value / total;
    const tip = `<title>${escapeHtml(`${s.label}: ${short(s.value, true)} (${(share * 100).toFixed(1)}%)`)}</title>`;
    if (share >= 0.9999) return `<circle class="chart-slice chart-c${k % 6}" cx="${cx}" cy="${cy}" r="${r}">${tip}</circle>`;
    const a0 = angle;
    angle += share * 2 * Math.PI;
    const large = share > 0.5 ? 1 : 0;
    const p = (a: number) => `${f(cx + r * Math.cos(a))},${f(cy + r * Math.sin(a))}`;
    return `<path class="chart-slice chart-c${k % 6}" d="M${cx},${cy} L${p(a0)} A${r},${r} 0 ${large} 1 ${p(angle)} Z">${tip}</path>`;
  });
  return svgOf(title, parts);
}

function svgOf(title: string, parts: string[]): string {
  return `<svg class="chart-svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${escapeHtml(title)}" xmlns="http://www.w3.org/2000/svg">${parts.join('')}</svg>`;
}

/** Index runs of defined values: [0,1,2], [5,6] for a gap at 3–4. */
function runs(values: ReadonlyArray<number | undefined>): number[][] {
  const out: number[][] = [];
  let cur: number[] = [];
  values.forEach((v, i) => {
    if (v === undefined) {
      if (cur.length > 0) out.push(cur);
      cur = [];
    } else cur.push(i);
  });
  if (cur.length > 0) out.push(cur);
  return out;
}

/** A y-axis from `lo` to `hi` in 4–5 round steps. */
export function niceScale(lo: number, hi: number): [number, number, number] {
  if (hi === lo) hi = lo + 1;
  const raw = (hi - lo) / 4;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  return [Math.floor(lo / step) * step, Math.ceil(hi / step) * step, step];
}

const f = (n: number) => String(Math.round(n * 10) / 10);

/** `1.2k`, `350`, `12.5` for ticks; the exact value for tooltips. */
function short(v: number, exact = false): string {
  if (exact) return Number.isInteger(v) ? v.toLocaleString('en-US') : (Math.round(v * 100) / 100).toLocaleString('en-US');
  if (Math.abs(v) >= 10_000) return `${Math.round(v / 1000)}k`;
  if (Math.abs(v) >= 1000) return `${Math.round(v / 100) / 10}k`;
  return String(Math.round(v * 10) / 10);
}
