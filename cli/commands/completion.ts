// `gochat completion [bash|zsh]`: prints a completion script for commands, topics and flags, generated from the
// command list (our own, rather than @oclif/plugin-autocomplete and its cache). Install: see the examples.
import { Args } from '@oclif/core'
import { BaseCommand } from '../base-command.js'

export default class Completion extends BaseCommand<typeof Completion> {
  static override summary = 'Print a shell completion script (bash, or zsh through bashcompinit)'
  static override enableJsonFlag = false
  static override examples = [
    'source <(<%= config.bin %> completion bash)            # now; add it to ~/.bashrc to keep it',
    '<%= config.bin %> completion zsh > ~/.zsh/_gochat && echo "source ~/.zsh/_gochat" >> ~/.zshrc',
  ]
  static override args = { shell: Args.string({ description: 'Shell', options: ['bash', 'zsh'], default: 'bash' }) }

  async run(): Promise<void> {
    const bin = this.config.bin
    const table = this.config.commands
      .filter((c) => !c.hidden && c.id !== 'help')
      .map(
        (c) =>
          `${c.id.replace(/:/g, ' ')}|${Object.entries(c.flags)
            .filter(([, f]) => !f.hidden)
            .map(([name]) => `--${name}`)
            .sort()
            .join(' ')}`,
      )
      .sort()
    const fn = `_${bin.replace(/\W/g, '_')}`
    const script = `# ${bin} completion: commands, topics and flags
${fn}() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" typed="" w id flags next="" rest
  for w in "\${COMP_WORDS[@]:1:COMP_CWORD-1}"; do [[ $w == -* ]] || typed="\${typed:+$typed }$w"; done
  while IFS='|' read -r id flags; do
    # a whole command typed (maybe with arguments after it): its flags
    if [[ "$typed" == "$id" || "$typed" == "$id "* ]]; then COMPREPLY=($(compgen -W "$flags" -- "$cur")); return; fi
    # part of one: the next word of every command that starts so
    if [[ -z "$typed" || "$id" == "$typed "* ]]; then rest="\${id#"$typed"}"; rest="\${rest# }"; next="$next \${rest%% *}"; fi
  done <<'${bin.toUpperCase()}_COMMANDS'
${table.join('\n')}
${bin.toUpperCase()}_COMMANDS
  COMPREPLY=($(compgen -W "$(printf '%s\\n' $next | sort -u)" -- "$cur"))
}
complete -F ${fn} ${bin}
`
    this.log(this.args.shell === 'zsh' ? `autoload -U +X bashcompinit && bashcompinit\n${script}` : script)
  }
}
