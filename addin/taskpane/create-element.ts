/** A child of `h`: nodes and text; undefined/false are skipped so sections can be optional. */
export type Child = Node | string | undefined | false;

/**
 * Creates an element; text goes in as text nodes (headers are user data, never HTML).
 * @example h('p', { class: 'hint' }, 'Empty: automatic.')
 */
export function h(tag: string, attributes: Readonly<Record<string, string>> = {}, ...children: Child[]): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  for (const child of children) if (child !== undefined && child !== false) element.append(child);
  return element;
}
