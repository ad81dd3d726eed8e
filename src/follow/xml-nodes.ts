/**
 * Reading feed XML through any DOM: a browser's DOMParser keeps namespace prefixes in `tagName`
 * and drops them from `localName`, linkedom keeps them in both. So elements are matched on
 * `tagName`, by local name (prefix stripped, case folded) and, where it matters, by prefix.
 */

/** An element's name without its namespace prefix, lower-cased. */
export function localName(element: Element): string {
  const name = element.tagName.toLowerCase();
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

/** An element's namespace prefix ('' for none), lower-cased. */
export function prefixOf(element: Element): string {
  const name = element.tagName.toLowerCase();
  const colon = name.indexOf(':');
  return colon === -1 ? '' : name.slice(0, colon);
}

/**
 * Direct children named `name`. `unprefixed` keeps only children without a prefix: RSS's own
 * `<link>` beside an `<atom:link>`, for instance.
 */
export function childrenNamed(parent: Element, name: string, unprefixed = false): Element[] {
  const found: Element[] = [];
  for (const child of Array.from(parent.children)) {
    if (localName(child) === name && (!unprefixed || prefixOf(child) === '')) found.push(child);
  }
  return found;
}

export function childNamed(parent: Element, name: string, unprefixed = false): Element | undefined {
  return childrenNamed(parent, name, unprefixed)[0];
}

/** The trimmed text of the first child named `name`, whitespace collapsed; '' when there is none. */
export function childText(parent: Element, name: string, unprefixed = false): string {
  return (childNamed(parent, name, unprefixed)?.textContent ?? '').replace(/\s+/g, ' ').trim();
}
