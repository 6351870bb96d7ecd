// A typed event emitter small enough for the browser bundle (no node:events there).

export class Emitter<Events extends object> {
  private handlers = new Map<keyof Events, Set<(arg: never) => void>>()

  /** Calls `fn` on every `type` event until the returned function is called. */
  on<K extends keyof Events>(type: K, fn: (arg: Events[K]) => void): () => void {
    let set = this.handlers.get(type)
    if (!set) this.handlers.set(type, (set = new Set()))
    set.add(fn as (arg: never) => void)
    return () => set.delete(fn as (arg: never) => void)
  }

  /** Calls `fn` on the next `type` event only. */
  once<K extends keyof Events>(type: K, fn: (arg: Events[K]) => void): () => void {
    const off = this.on(type, (arg) => {
      off()
      fn(arg)
    })
    return off
  }

  protected emit<K extends keyof Events>(type: K, arg: Events[K]): void {
    const set = this.handlers.get(type)
    if (!set) return
    // an app handler that throws must not break the client's own bookkeeping
    for (const fn of [...set])
      try {
        ;(fn as (arg: Events[K]) => void)(arg)
      } catch (err) {
        queueMicrotask(() => {
          throw err
        })
      }
  }
}
