// test/helpers/netns.ts removeLeftovers: what a killed run left (a veth pair named for a pid that is gone) is
// removed, and a link that went with its peer meanwhile is no error (a CI run after a killed one failed on
// "Cannot find device": deleting one end of a veth pair takes the other).
import { execFileSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { netnsPermitted, removeLeftovers } from '../helpers/netns.js'

const links = () => execFileSync('ip', ['-o', 'link', 'show']).toString()

describe.skipIf(!netnsPermitted())('removeLeftovers', () => {
  it("removes a dead run's veth pair, both ends listed before either was deleted", () => {
    const dead = 4_194_300 + (process.pid % 3) // above Linux's pid_max default range of live processes here
    execFileSync('ip', ['link', 'add', `gc${dead}v1`, 'type', 'veth', 'peer', 'name', `gc${dead}v2`])
    expect(links()).toContain(`gc${dead}v2`)
    removeLeftovers()
    expect(links()).not.toContain(`gc${dead}v`)
  })
})
