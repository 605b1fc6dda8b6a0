export interface Row {
  metric: string
  ours: number | string | null
  peer?: number | string | null
  /** peer / ours, when both are numbers and the row compares them. */
  ratio?: boolean
  unit: string
}

const show = (value: number | string | null | undefined): string => {
  if (value === null || value === undefined) return '—'
  if (typeof value === 'string') return value
  if (!Number.isFinite(value)) return 'n/a'
  if (Number.isInteger(value)) return value.toLocaleString('en-US')
  return Math.abs(value) >= 100 ? Math.round(value).toLocaleString('en-US') : String(Math.round(value * 100) / 100)
}

export function ratioOf(row: Row): string {
  if (!row.ratio || typeof row.ours !== 'number' || typeof row.peer !== 'number' || row.ours === 0) return ''
  return `${(row.peer / row.ours).toFixed(1)}×`
}

/** One plain-text table: metric | ours | peer | peer/ours | unit; a row with only a metric is a heading. */
export function renderTable(rows: Row[]): string {
  const cells = rows.map((r) => [r.metric, show(r.ours), r.peer === undefined ? '' : show(r.peer), ratioOf(r), r.unit])
  const head = ['metric', 'ours', 'peer / baseline', 'peer/ours', 'unit']
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)))
  const line = (c: string[]) =>
    c.map((cell, i) => (i === 0 || i === 4 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join(' | ')
  const rule = widths.map((w) => '-'.repeat(w)).join('-|-')
  return [line(head), rule, ...cells.map((c, i) => (rows[i]!.unit === '' && rows[i]!.ours === '' ? `${c[0]}` : line(c)))].join('\n')
}
