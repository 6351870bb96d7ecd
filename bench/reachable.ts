// Before a bench: does every gateway answer /health? One clear error naming the gateways that do not, instead of
// "TypeError: fetch failed" from deep inside the run.
import { UnreachableError } from '../src/core/operator-errors.js'

const TIMEOUT_MS = 5000

/** Why a fetch of `url` with a timeout of `timeoutMs` threw, in a few words (ECONNREFUSED, no answer within 5s, …) */
export function fetchFailure(err: unknown, url: string, timeoutMs: number): string {
  const e = err as Error & { cause?: { code?: string; message?: string } }
  if (e.name === 'TimeoutError') return `no answer within ${timeoutMs / 1000}s`
  // fetch refuses the ports browsers block (1, 22, 25, …) before connecting
  if (e.cause?.message === 'bad port') return `port ${new URL(url).port} is one that fetch refuses to use`
  return e.cause?.code ?? e.cause?.message ?? e.message
}

async function why(url: string): Promise<string | null> {
  try {
    const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(TIMEOUT_MS) })
    return res.status < 500 ? null : `/health answered ${res.status}`
  } catch (err) {
    return fetchFailure(err, url, TIMEOUT_MS)
  }
}

export async function checkGateways(gateways: string[]): Promise<void> {
  const failures = (await Promise.all(gateways.map(async (g) => [g, await why(g)] as const))).filter(
    ([, w]) => w !== null,
  )
  if (failures.length) {
    throw new UnreachableError(
      failures.map(([g, w]) => `gateway ${g} did not answer (${w})`).join('\n'),
      'start one with `gochat up` or `gochat cluster up`, or check --gateway',
    )
  }
}
