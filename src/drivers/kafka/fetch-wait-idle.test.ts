import { describe, expect, it } from 'vitest'
import { IDLE_FETCH_WAIT_MS, nextFetchWait } from './fetch-wait-idle.js'

describe('the fetch wait of an idle consumer', () => {
  it('doubles after each fetch that brought nothing, up to the idle ceiling', () => {
    const waits = [200]
    for (let i = 0; i < 6; i++) waits.push(nextFetchWait(waits.at(-1)!, 200, false, false))
    expect(waits).toEqual([200, 400, 800, 1600, IDLE_FETCH_WAIT_MS, IDLE_FETCH_WAIT_MS, IDLE_FETCH_WAIT_MS])
  })

  it('goes back to the configured wait as soon as a fetch brings records', () => {
    expect(nextFetchWait(IDLE_FETCH_WAIT_MS, 200, true, false)).toBe(200)
  })

  it('keeps the configured wait while a partition is paused (it resumes only at the next fetch)', () => {
    expect(nextFetchWait(200, 200, false, true)).toBe(200)
    expect(nextFetchWait(1600, 200, false, true)).toBe(200)
  })

  it('leaves a configured wait at or above the ceiling as it is', () => {
    expect(nextFetchWait(5000, 5000, false, false)).toBe(5000)
  })
})
