// Inline SVG line charts for the HTML report: no scripts, no fonts or styles from elsewhere, so the file
// opens anywhere and can be mailed or attached to an issue as is.
export interface Series {
  name: string
  points: Array<[number, number]>
}

export interface ChartOptions {
  title: string
  xLabel: string
  yLabel: string
  series: Series[]
  /** logarithmic x axis (latencies spread over orders of magnitude) */
  xLog?: boolean
  width?: number
  height?: number
  /** draw a dot at every point (few points, e.g. one per message) */
  dots?: boolean
}

const COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e']

export function escapeXml(s: string): string {
  return s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&#39;' })[c]!)
}

/** About `count` round tick values covering [lo, hi]. */
export function niceTicks(lo: number, hi: number, count = 5): number[] {
  if (!(hi > lo)) return [lo]
  const raw = (hi - lo) / count
  const mag = 10 ** Math.floor(Math.log10(raw))
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag
  const out: number[] = []
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) out.push(Number(v.toPrecision(12)))
  return out
}

function logTicks(lo: number, hi: number): number[] {
  const out: number[] = []
  for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++)
    for (const m of [1, 2, 5]) {
      const v = m * 10 ** e
      if (v >= lo && v <= hi) out.push(v)
    }
  return out.length ? out : [lo, hi]
}

const fmt = (v: number) =>
  Math.abs(v) >= 1000 ? `${Number((v / 1000).toPrecision(3))}k` : String(Number(v.toPrecision(3)))

export function lineChart(o: ChartOptions): string {
  const W = o.width ?? 720
  const H = o.height ?? 360
  const m = { left: 64, right: 16, top: 36, bottom: 48 }
  const pw = W - m.left - m.right
  const ph = H - m.top - m.bottom
  const all = o.series
    .flatMap((s) => s.points)
    .filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y) && (!o.xLog || x > 0))
  const head = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" font-family="sans-serif" font-size="12" role="img"><title>${escapeXml(o.title)}</title>`
  const title = `<text x="${W / 2}" y="20" text-anchor="middle" font-size="14" font-weight="bold">${escapeXml(o.title)}</text>`
  if (all.length === 0)
    return `${head}${title}<text x="${W / 2}" y="${H / 2}" text-anchor="middle">no data</text></svg>`

  let [x0, x1] = [Math.min(...all.map((p) => p[0])), Math.max(...all.map((p) => p[0]))]
  let [y0, y1] = [Math.min(0, ...all.map((p) => p[1])), Math.max(...all.map((p) => p[1]))]
  if (x1 === x0) x1 = x0 + (o.xLog ? x0 * 9 : 1)
  if (y1 === y0) y1 = y0 + 1
  const xt = o.xLog ? logTicks(x0, x1) : niceTicks(x0, x1)
  if (!o.xLog) [x0, x1] = [Math.min(x0, xt[0]!), Math.max(x1, xt.at(-1)!)]
  const yt = niceTicks(y0, y1)
  y1 = Math.max(y1, yt.at(-1)!)
  const sx = (x: number) =>
    m.left + (o.xLog ? (Math.log10(x) - Math.log10(x0)) / (Math.log10(x1) - Math.log10(x0)) : (x - x0) / (x1 - x0)) * pw
  const sy = (y: number) => m.top + ph - ((y - y0) / (y1 - y0)) * ph
  const p = (n: number) => n.toFixed(1)

  const grid = [
    ...xt.map(
      (v) =>
        `<line x1="${p(sx(v))}" x2="${p(sx(v))}" y1="${m.top}" y2="${m.top + ph}" stroke="#eee"/><text x="${p(sx(v))}" y="${m.top + ph + 16}" text-anchor="middle">${fmt(v)}</text>`,
    ),
    ...yt.map(
      (v) =>
        `<line x1="${m.left}" x2="${m.left + pw}" y1="${p(sy(v))}" y2="${p(sy(v))}" stroke="#eee"/><text x="${m.left - 6}" y="${p(sy(v) + 4)}" text-anchor="end">${fmt(v)}</text>`,
    ),
  ].join('')
  const axes =
    `<rect x="${m.left}" y="${m.top}" width="${pw}" height="${ph}" fill="none" stroke="#888"/>` +
    `<text x="${m.left + pw / 2}" y="${H - 10}" text-anchor="middle">${escapeXml(o.xLabel)}</text>` +
    `<text transform="translate(16 ${m.top + ph / 2}) rotate(-90)" text-anchor="middle">${escapeXml(o.yLabel)}</text>`
  const lines = o.series
    .map((s, k) => {
      const color = COLORS[k % COLORS.length]!
      const pts = s.points.filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y) && (!o.xLog || x > 0))
      const line = `<polyline fill="none" stroke="${color}" stroke-width="2" points="${pts.map(([x, y]) => `${p(sx(x))},${p(sy(y))}`).join(' ')}"/>`
      const dots = o.dots
        ? pts.map(([x, y]) => `<circle cx="${p(sx(x))}" cy="${p(sy(y))}" r="3" fill="${color}"/>`).join('')
        : ''
      const legend = `<rect x="${m.left + 10}" y="${m.top + 8 + k * 18}" width="12" height="12" fill="${color}"/><text x="${m.left + 28}" y="${m.top + 18 + k * 18}">${escapeXml(s.name)}</text>`
      return `<g class="series">${line}${dots}${legend}</g>`
    })
    .join('')
  return `${head}${title}${grid}${axes}${lines}</svg>`
}
