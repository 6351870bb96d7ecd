// DOM helpers shared by the page's modules. Text only ever goes in as textContent: no user data reaches HTML.

/** The element with this data-testid. */
export const $ = (testid) => document.querySelector(`[data-testid="${testid}"]`)

/** Builds an element; `text` sets textContent, `on*` adds listeners, `data` sets data-* attributes. */
export function el(tag, props = {}, ...children) {
  const e = document.createElement(tag)
  for (const [k, v] of Object.entries(props)) {
    if (v === undefined || v === false) continue
    if (k === 'text') e.textContent = v
    else if (k === 'data') Object.assign(e.dataset, v)
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v)
    else e.setAttribute(k, v === true ? '' : v)
  }
  e.append(...children)
  return e
}
