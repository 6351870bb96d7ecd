// A gochat process dies with whoever launched it when that launcher is a supervisor of ours: `gochat cluster up`
// (which sets GOCHAT_EXIT_WITH_PARENT=1 for its children) or npm (`npx gochat up`: npm does not pass SIGTERM
// on to the node process it started). When the parent goes, even by SIGKILL, the process is re-parented; seeing
// its parent pid change it SIGTERMs itself and drains as on any SIGTERM. A process started from a shell
// without either (`nohup gochat serve &`) is left alone: outliving the shell is what was asked for.
const POLL_MS = 500

export function exitWithParent(env: NodeJS.ProcessEnv = process.env): void {
  if (env.GOCHAT_EXIT_WITH_PARENT !== '1' && !env.npm_command) return
  const parent = process.ppid
  const timer = setInterval(() => {
    if (process.ppid === parent) return
    clearInterval(timer)
    process.kill(process.pid, 'SIGTERM')
  }, POLL_MS)
  timer.unref()
}
