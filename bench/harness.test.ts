import { describe, expect, it } from 'vitest'
import { memberChunks } from './group-setup.js'
import { countPushes } from './offline-push.js'
import { paced, parseRate } from './pacing.js'
import { escapeXml, lineChart, niceTicks } from './report/svg.js'
import { metricValue } from './server-metrics.js'

describe('SVG charts', () => {
  it('renders one polyline per series with its legend, and escapes text', () => {
    const svg = lineChart({
      title: 'a < b',
      xLabel: 'ms',
      yLabel: '%',
      xLog: true,
      series: [
        {
          name: 'gochat',
          points: [
            [1, 0],
            [10, 50],
            [100, 100],
          ],
        },
        {
          name: 'ws & co',
          points: [
            [2, 0],
            [20, 100],
          ],
        },
      ],
    })
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true)
    expect(svg.match(/<polyline /g)).toHaveLength(2)
    expect(svg).toContain('a &lt; b')
    expect(svg).toContain('ws &amp; co')
    expect(svg).not.toContain('NaN')
    expect(svg).not.toMatch(/https?:\/\/(?!www\.w3\.org)/) // nothing fetched from elsewhere
  })

  it('says "no data" rather than drawing an empty frame', () => {
    expect(lineChart({ title: 't', xLabel: 'x', yLabel: 'y', series: [] })).toContain('no data')
  })

  it('puts a dot on every point when asked', () => {
    const svg = lineChart({
      title: 't',
      xLabel: 'x',
      yLabel: 'y',
      dots: true,
      series: [
        {
          name: 's',
          points: [
            [1, 5],
            [2, 5],
            [3, 5],
          ],
        },
      ],
    })
    expect(svg.match(/<circle /g)).toHaveLength(3)
  })

  it('chooses round ticks', () => {
    expect(niceTicks(0, 100)).toEqual([0, 20, 40, 60, 80, 100])
    expect(niceTicks(0, 0.7)).toEqual([0, 0.2, 0.4, 0.6])
    expect(escapeXml('"<&>\'')).toBe('&quot;&lt;&amp;&gt;&#39;')
  })
})

describe('bench helpers', () => {
  it('parses --rate', () => {
    expect(parseRate('max')).toBe('max')
    expect(parseRate('2.5')).toBe(2.5)
    expect(() => parseRate('0')).toThrow(/positive/)
    expect(() => parseRate('fast')).toThrow(/positive/)
  })

  it('keeps at most `window` calls in flight', async () => {
    let active = 0
    let most = 0
    await paced(20, 'max', 3, async () => {
      most = Math.max(most, ++active)
      await new Promise((r) => setTimeout(r, 2))
      active--
    })
    expect(most).toBe(3)
  })

  it('reads unlabelled Prometheus samples', () => {
    const text = '# HELP x\nprocess_resident_memory_bytes 1.5e8\nprocess_cpu_seconds_total 2.25\nfoo{a="b"} 3\n'
    expect(metricValue(text, 'process_resident_memory_bytes')).toBe(150_000_000)
    expect(metricValue(text, 'process_cpu_seconds_total')).toBe(2.25)
    expect(metricValue(text, 'foo')).toBe(3)
    expect(metricValue(text, 'missing')).toBeUndefined()
  })

  it('keeps member chunks under the body budget', () => {
    const ids = Array.from({ length: 5000 }, (_, k) => `user-${String(k).padStart(40, '0')}`)
    const chunks = memberChunks(ids, 1000)
    expect(chunks.flat()).toEqual(ids)
    for (const c of chunks) expect(JSON.stringify({ userIds: c }).length).toBeLessThan(64 * 1024)
  })

  it('counts the offline pushes of one conversation by distinct (user, seq)', () => {
    const push = (conversationId: string, seq: number, userIds: string[]) =>
      JSON.stringify({
        pushId: `p${seq}`,
        userIds,
        conversationId,
        messageId: `m${seq}`,
        seq,
        senderId: 's',
        preview: '',
        sentAt: 1,
      })
    const values = [
      push('c1', 1, ['a', 'b']),
      push('c1', 1, ['b']),
      push('c1', 2, ['a']),
      push('c2', 1, ['a']),
      'not json',
    ]
    expect(countPushes(values, 'c1')).toEqual({ records: 3, notifications: 3 })
  })
})
