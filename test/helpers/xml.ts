// A minimal XML reader for tests that check a report the harness writes (JUnit): elements, attributes and text,
// well-formedness enforced (every tag closed in order, attributes quoted, entities known). Not a general parser:
// no DTDs, CDATA or namespaces, which the reports never use.
export interface XmlElement {
  name: string
  attributes: Record<string, string>
  children: XmlElement[]
  text: string
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", '#39': "'" }

function decodeEntities(s: string): string {
  return s.replace(/&([^;\s&]*);|&/g, (m, name: string | undefined) => {
    const v = name === undefined ? undefined : ENTITIES[name]
    if (v === undefined) throw new Error(`bad entity ${m}`)
    return v
  })
}

export function parseXml(source: string): XmlElement {
  let s = source.replace(/^\uFEFF?<\?xml[^?]*\?>\s*/, '')
  const stack: XmlElement[] = []
  let root: XmlElement | undefined
  const tag = /^<(\/?)([A-Za-z_][\w.-]*)((?:\s+[A-Za-z_][\w.-]*\s*=\s*"[^"<]*")*)\s*(\/?)>/
  while (s.length) {
    if (s.startsWith('<')) {
      const m = tag.exec(s)
      if (!m) throw new Error(`malformed tag at: ${s.slice(0, 40)}`)
      const [all, closing, name, attrs, selfClosing] = m
      s = s.slice(all.length)
      if (closing) {
        const open = stack.pop()
        if (open?.name !== name) throw new Error(`</${name}> closes <${open?.name}>`)
        if (stack.length === 0) root = open
        continue
      }
      const el: XmlElement = { name: name!, attributes: {}, children: [], text: '' }
      for (const a of attrs!.matchAll(/([A-Za-z_][\w.-]*)\s*=\s*"([^"]*)"/g))
        el.attributes[a[1]!] = decodeEntities(a[2]!)
      if (stack.length) stack.at(-1)!.children.push(el)
      else if (root) throw new Error('more than one root element')
      if (selfClosing) {
        if (stack.length === 0) root = el
      } else stack.push(el)
    } else {
      const end = s.indexOf('<')
      const text = end < 0 ? s : s.slice(0, end)
      s = end < 0 ? '' : s.slice(end)
      if (stack.length) stack.at(-1)!.text += decodeEntities(text)
      else if (text.trim()) throw new Error('text outside the root element')
    }
  }
  if (stack.length || !root) throw new Error(`unclosed <${stack.at(-1)?.name}>`)
  return root
}
