// The per-agent table of a distributed bench run (--agents), with the saturation warning under it.
import { AGENT_HEADER, agentTableRows, saturationWarning, type AgentsReport } from '../bench/agents/report.js'
import { renderTable } from '../src/presentation/table.js'

export function agentsSection(report: AgentsReport): string {
  const warning = saturationWarning(report)
  return renderTable(AGENT_HEADER, agentTableRows(report)) + (warning ? `\n${warning}` : '')
}
