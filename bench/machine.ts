// The machine a run was made on, printed with every report: figures mean little without it.
import { availableParallelism, totalmem } from 'node:os'

export const machine = () => ({
  cores: availableParallelism(),
  memoryBytes: totalmem(),
  node: process.versions.node,
  platform: `${process.platform}-${process.arch}`,
})
