// Separate network hosts on this machine for the multi-host suite: one network namespace per host, each joined to a
// bridge in the root namespace by a veth pair, on a private /24 (10.231.<n>.0/24; the bridge, which is how this test
// process reaches them, is .1). Names carry the creating pid (gc-<pid>-<host>, links gc<pid>b / gc<pid>v<i>), so that
// leftovers of a crashed run are recognised and removed by the next one. Needs root (CAP_NET_ADMIN).
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { createWriteStream } from 'node:fs'

const ip = (...args: string[]) => execFileSync('ip', args, { stdio: ['ignore', 'pipe', 'pipe'] }).toString()

const alive = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** ip, for a leftover that may be gone by now: deleting a namespace takes its veth pair with it, a little later */
const ipIfThere = (...args: string[]) => {
  try {
    ip(...args)
  } catch (err) {
    if (!/Cannot find device|No such file or directory/.test(String((err as { stderr?: unknown }).stderr))) throw err
  }
}

/** Removes the namespaces and links of runs whose process is gone. */
export function removeLeftovers(): void {
  for (const line of ip('netns', 'list').split('\n')) {
    const m = /^(gc-(\d+)-\S+)/.exec(line)
    if (m && !alive(Number(m[2]))) ipIfThere('netns', 'del', m[1]!)
  }
  for (const line of ip('-o', 'link', 'show').split('\n')) {
    const m = /^\d+: (gc(\d+)[bv]\d*)[@:]/.exec(line)
    if (m && !alive(Number(m[2]))) ipIfThere('link', 'del', m[1]!)
  }
}

/** Whether this process may make network namespaces (root, not in a container that forbids it). */
export function netnsPermitted(): boolean {
  const probe = `gc-${process.pid}-probe`
  try {
    ip('netns', 'add', probe)
    ip('netns', 'del', probe)
    return true
  } catch {
    return false
  }
}

export interface Host {
  name: string
  ns: string
  /** its address on the bridge */
  ip: string
  /** the veth end in the root namespace (cut it to take the host off the network) */
  link: string
}

export class NetHosts {
  readonly hosts = new Map<string, Host>()
  private readonly children = new Set<ChildProcess>()
  private readonly bridge = `gc${process.pid}b`
  readonly subnet: string
  private readonly killAll = () => {
    for (const c of this.children) if (c.pid) killGroup(c.pid)
  }

  private constructor(names: string[]) {
    // a /24 per run, from the pid: two runs at once (or a leftover being removed) do not share addresses
    this.subnet = `10.231.${(process.pid % 200) + 20}`
    names.forEach((name, i) => {
      this.hosts.set(name, {
        name,
        ns: `gc-${process.pid}-${name}`,
        ip: `${this.subnet}.${i + 10}`,
        link: `gc${process.pid}v${i}`,
      })
    })
  }

  /** the root namespace's address on the bridge (this test process) */
  get rootIp(): string {
    return `${this.subnet}.1`
  }

  host(name: string): Host {
    const h = this.hosts.get(name)
    if (!h) throw new Error(`no host ${name} (hosts: ${[...this.hosts.keys()].join(', ')})`)
    return h
  }

  static create(names: string[]): NetHosts {
    removeLeftovers()
    const n = new NetHosts(names)
    process.once('exit', n.killAll)
    try {
      ip('link', 'add', n.bridge, 'type', 'bridge')
      ip('addr', 'add', `${n.rootIp}/24`, 'dev', n.bridge)
      ip('link', 'set', n.bridge, 'up')
      for (const h of n.hosts.values()) {
        ip('netns', 'add', h.ns)
        ip('link', 'add', h.link, 'type', 'veth', 'peer', 'name', 'eth0', 'netns', h.ns)
        ip('link', 'set', h.link, 'master', n.bridge)
        ip('link', 'set', h.link, 'up')
        ip('-n', h.ns, 'addr', 'add', `${h.ip}/24`, 'dev', 'eth0')
        ip('-n', h.ns, 'link', 'set', 'eth0', 'up')
        ip('-n', h.ns, 'link', 'set', 'lo', 'up')
      }
    } catch (err) {
      n.destroy()
      throw err
    }
    return n
  }

  /** the command prefix that runs a program on the host (`ip netns exec` execs it: same pid, signals reach it) */
  prefix(name: string): string[] {
    return ['ip', 'netns', 'exec', this.host(name).ns]
  }

  /**
   * Starts a program on the host in its own process group, output to `logFile`. It gets SIGKILL when this process
   * exits or dies (PR_SET_PDEATHSIG through setpriv), and with its group on destroy().
   */
  spawn(name: string, command: string, args: string[], logFile: string): ChildProcess {
    const out = createWriteStream(logFile, { flags: 'a' })
    const child = spawn(
      'ip',
      ['netns', 'exec', this.host(name).ns, 'setpriv', '--pdeathsig', 'KILL', '--', command, ...args],
      { detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
    )
    child.stdout!.pipe(out)
    child.stderr!.pipe(out)
    this.children.add(child)
    child.once('exit', () => this.children.delete(child))
    return child
  }

  /** Takes the host off the network (its veth end on the bridge goes down), or puts it back. */
  cut(name: string): void {
    ip('link', 'set', this.host(name).link, 'down')
  }

  restore(name: string): void {
    ip('link', 'set', this.host(name).link, 'up')
  }

  /** Kills what spawn() started and removes every namespace and link; safe to call twice and after a failed create. */
  destroy(): void {
    this.killAll()
    process.off('exit', this.killAll)
    for (const h of this.hosts.values()) {
      try {
        ip('netns', 'del', h.ns)
      } catch {
        /* never made */
      }
    }
    try {
      ip('link', 'del', this.bridge)
    } catch {
      /* never made */
    }
  }
}

function killGroup(pid: number): void {
  try {
    process.kill(-pid, 'SIGKILL')
  } catch {
    /* already gone */
  }
}
