// Root help lists every command with its one-line summary (oclif's default shows topics only), so that
// `gochat --help` is the whole map of the CLI.
import { Help } from '@oclif/core'

export default class GochatHelp extends Help {
  protected override async showRootHelp(): Promise<void> {
    this.log(this.formatRoot())
    this.log('')
    const commands = this.sortedCommands.filter((c) => c.id !== 'help')
    this.log(this.formatCommands(commands))
    this.log('')
  }
}
