// The human rendering of a command's or a bench report's data; --json prints the same data as JSON instead.
import Table from 'cli-table3'

export function renderTable(
  head: string[],
  rows: Array<Array<string | number | boolean | null | undefined>>,
  /** columns of long text: their widths, wrapped at words */
  colWidths?: number[],
): string {
  const table = new Table({
    head,
    ...(colWidths ? { colWidths, wordWrap: true } : {}),
    style: { head: process.stdout.isTTY ? ['cyan'] : [], border: process.stdout.isTTY ? ['grey'] : [] },
  })
  for (const row of rows) table.push(row.map((c) => (c === null || c === undefined ? '' : String(c))))
  return table.toString()
}
