// Entry of the harness's worker threads and child processes. bin/run.js loads TypeScript through tsx's
// register(), which applies to the main thread only: a worker (or a forked process) registers it again here
// before importing its .ts module (named by workerData.entry, or argv[2] in a child process).
import { isMainThread, workerData } from 'node:worker_threads'
import { register } from 'tsx/esm/api'

register()
await import(isMainThread ? process.argv[2] : workerData.entry)
