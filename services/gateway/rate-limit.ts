// A token bucket per connection: `ratePerSecond` frames a second on average, bursts of up to one second's worth.
// Time is passed in, so the behaviour is testable without waiting.
export class TokenBucket {
  private tokens: number
  private last: number

  constructor(
    private readonly ratePerSecond: number,
    nowMs: number,
  ) {
    this.tokens = ratePerSecond
    this.last = nowMs
  }

  /** takes one token; false when the bucket is empty */
  take(nowMs: number): boolean {
    this.tokens = Math.min(this.ratePerSecond, this.tokens + ((nowMs - this.last) / 1000) * this.ratePerSecond)
    this.last = nowMs
    if (this.tokens < 1) return false
    this.tokens -= 1
    return true
  }
}
