import { SCHEMES, type Locale } from '../../core/index.js';
import { h } from './create-element.js';
import type { PaneState, Translate } from './pane-state.js';

/** The pane's name of a scheme id: the registry's label, or the id itself for one it does not know. */
export function schemeName(id: string, locale: Locale): string {
  return SCHEMES.find((entry) => entry.id === id)?.labels[locale] ?? id;
}

/**
 * The options every run needs, always in view above Segment: the scheme (the
 * registry's menu) and the analysis date. A scheme change re-renders, so the
 * advanced options show that scheme's thresholds.
 */
export function buildOptionsSection(state: PaneState, t: Translate, onSchemeChange: () => void): HTMLElement {
  const scheme = h('select', { id: 'scheme', name: 'scheme' }) as HTMLSelectElement;
  for (const entry of SCHEMES) {
    const option = h('option', { value: entry.id }, entry.labels[state.locale]) as HTMLOptionElement;
    option.selected = entry.id === state.scheme;
    scheme.append(option);
  }
  scheme.addEventListener('change', () => {
    state.scheme = scheme.value;
    onSchemeChange();
  });
  const asOf = h('input', { id: 'as-of', name: 'as-of', type: 'date', value: state.asOf }) as HTMLInputElement;
  asOf.addEventListener('input', () => (state.asOf = asOf.value));
  return h(
    'section',
    { class: 'options' },
    h('div', { class: 'field' }, h('label', { for: 'scheme' }, t('scheme')), scheme),
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'as-of' }, t('asOf')),
      asOf,
      h('p', { class: 'hint' }, t('asOfHint')),
    ),
  );
}
