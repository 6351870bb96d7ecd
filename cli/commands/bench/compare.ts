import { Args } from '@oclif/core'
import { BaseCommand } from '../../base-command.js'
import { compare, loadSide, type FigureComparison } from '../../../bench/compare.js'
import { renderTable } from '../../../src/presentation/table.js'

const range = (s: FigureComparison['a']) =>
  s.runs > 1 ? `${s.mean} (${s.min}–${s.max}, ${s.runs} runs)` : String(s.mean)

export default class BenchCompare extends BaseCommand<typeof BenchCompare> {
  static override summary =
    'Two bench runs side by side: B as a multiple of A per figure, and whether it is beyond noise'
  static override description =
    "A and B are the --json output of `gochat bench fanout` or `bench send`. A file may hold an array of reports (repeated runs: `jq -s . run1.json run2.json > a.json`), and a side may name several files, comma-separated. With repeats on either side, a difference counts only when the two sides' ranges do not overlap (every run of one beat every run of the other); single runs give ratios without a verdict."
  static override examples = [
    '<%= config.bin %> bench compare before.json after.json',
    '<%= config.bin %> bench compare main-1.json,main-2.json,main-3.json pr-1.json,pr-2.json,pr-3.json --json',
  ]
  static override args = {
    a: Args.string({ description: 'Run(s) A: report file(s), comma-separated', required: true }),
    b: Args.string({ description: 'Run(s) B: report file(s), comma-separated', required: true }),
  }

  async run(): Promise<{ kind: string; figures: FigureComparison[] }> {
    const a = loadSide(this.args.a)
    const b = loadSide(this.args.b)
    const figures = compare(a, b)
    if (!this.jsonEnabled())
      this.log(
        renderTable(
          ['figure', 'A', 'B', 'B ÷ A', 'B against A'],
          figures.map((f) => [
            `${f.figure}${f.higherIsBetter ? ' ↑' : ' ↓'}`,
            range(f.a),
            range(f.b),
            f.ratio === null ? '' : `${f.ratio}×`,
            f.verdict,
          ]),
        ) + '\n↑ higher is better, ↓ lower is better; "within noise": the ranges of the repeated runs overlap',
      )
    return { kind: a.kind, figures }
  }
}
