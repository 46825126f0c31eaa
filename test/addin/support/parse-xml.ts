/**
 * A minimal XML reader for the manifest test: elements, attributes and text,
 * enough to check structure and order. It expects a well-formed document
 * (xmllint checks that first) without CDATA or DTDs.
 */
export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: XmlElement[];
  text: string;
}

const decode = (text: string): string =>
  text.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_, entity: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
    if (named[entity] !== undefined) return named[entity]!;
    return String.fromCodePoint(entity.startsWith('#x') ? parseInt(entity.slice(2), 16) : Number(entity.slice(1)));
  });

/** Parses a document into its root element. */
export function parseXml(source: string): XmlElement {
  const body = source.replace(/<\?[\s\S]*?\?>/g, '').replace(/<!--[\s\S]*?-->/g, '');
  const token = /<(\/?)([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*"[^"]*")*)\s*(\/?)>|([^<]+)/g;
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  for (let m = token.exec(body); m; m = token.exec(body)) {
    const [, closing, name, attributeText, selfClosing, text] = m;
    if (text !== undefined) {
      if (stack.length > 0) stack[stack.length - 1]!.text += decode(text).trim();
      continue;
    }
    if (closing) {
      const open = stack.pop();
      if (open?.name !== name) throw new Error(`</${name}> closes <${open?.name}>`);
      continue;
    }
    const attributes: Record<string, string> = {};
    for (const a of (attributeText ?? '').matchAll(/([\w:.-]+)\s*=\s*"([^"]*)"/g)) attributes[a[1]!] = decode(a[2]!);
    const element: XmlElement = { name: name!, attributes, children: [], text: '' };
    if (stack.length > 0) stack[stack.length - 1]!.children.push(element);
    else root = element;
    if (!selfClosing) stack.push(element);
  }
  if (!root || stack.length > 0) throw new Error('unbalanced document');
  return root;
}

/** Every element under `element` (depth first), itself included. */
export function walk(element: XmlElement): XmlElement[] {
  return [element, ...element.children.flatMap(walk)];
}

/** The one child named `name`. */
export function child(element: XmlElement, name: string): XmlElement {
  const found = element.children.filter((c) => c.name === name);
  if (found.length !== 1) throw new Error(`${element.name} has ${found.length} <${name}>`);
  return found[0]!;
}
