// Each agent's clock against the coordinator's, NTP-style over the control topic: the coordinator stamps a ping
// (t0), the agent stamps its answer (t1, its own clock), the coordinator stamps the answer's arrival (t2). With the
// answer taken at the midpoint of the round trip, offset = t1 − (t0 + t2)/2, and the truth lies within half the
// round trip of it. Of several pings the one with the shortest round trip bounds the offset tightest.

export interface ClockSample {
  /** coordinator's clock, ping sent */
  t0: number
  /** agent's clock, ping answered */
  t1: number
  /** coordinator's clock, answer received */
  t2: number
}

export interface ClockOffset {
  /** agent's clock minus the coordinator's (ms): subtract it from the agent's stamps */
  offsetMs: number
  /** half the best round trip: the true offset lies within offsetMs ± this */
  uncertaintyMs: number
  samples: number
}

const r3 = (n: number) => Math.round(n * 1000) / 1000

export function estimateOffset(samples: ClockSample[]): ClockOffset {
  const valid = samples.filter((s) => s.t2 >= s.t0)
  if (valid.length === 0) throw new Error('no clock sample with a round trip')
  const best = valid.reduce((a, b) => (b.t2 - b.t0 < a.t2 - a.t0 ? b : a))
  return {
    offsetMs: r3(best.t1 - (best.t0 + best.t2) / 2),
    uncertaintyMs: r3((best.t2 - best.t0) / 2),
    samples: valid.length,
  }
}
