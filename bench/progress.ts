// A progress bar on stderr (stdout stays clean for the table or --json). On a terminal it redraws in place;
// otherwise (CI logs, tests) it writes a plain line every few seconds.
export interface Progress {
  stop(): void
}

export function progressBar(
  label: string,
  total: number,
  read: () => { done: number; failed: number },
  stream: NodeJS.WriteStream = process.stderr,
): Progress {
  const tty = Boolean(stream.isTTY)
  const start = Date.now()
  let lastLine = 0
  const draw = (final: boolean) => {
    const { done, failed } = read()
    const secs = (Date.now() - start) / 1000
    const rate = secs > 0 ? Math.round(done / secs) : 0
    const width = 30
    const filled = total > 0 ? Math.min(width, Math.round((done / total) * width)) : width
    const text = `${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}${failed ? ` (${failed} failed)` : ''} ${rate}/s`
    if (tty) stream.write(`\r${text}\x1b[K${final ? '\n' : ''}`)
    else if (final || Date.now() - lastLine >= 5000) {
      stream.write(`${text}\n`)
      lastLine = Date.now()
    }
  }
  const timer = setInterval(() => draw(false), tty ? 200 : 1000)
  return {
    stop: () => {
      clearInterval(timer)
      draw(true)
    },
  }
}

/** A one-line status on stderr (phases of a run). */
export const note = (text: string, stream: NodeJS.WriteStream = process.stderr) => stream.write(`${text}\n`)
