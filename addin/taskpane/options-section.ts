import { SCHEMES, type Locale } from '../../core/index.js';
import { h } from './create-element.js';
import type { PaneState, Translate } from './pane-state.js';

/** The languages the pane offers, each named in itself. */
const LANGUAGES: readonly (readonly [Locale, string])[] = [
  ['en', 'English'],
  ['zh-CN', '简体中文'],
];

/** The pane's name of a scheme id: the registry's label, or the id itself for one it does not know. */
export function schemeName(id: string, locale: Locale): string {
  return SCHEMES.find((entry) => entry.id === id)?.labels[locale] ?? id;
}

/**
 * The options: scheme (the registry's menu), analysis date, language, K and
 * threshold overrides. Inputs write into `state`; a language change re-renders.
 */
export function buildOptionsSection(state: PaneState, t: Translate, onLocaleChange: () => void): HTMLElement {
  const scheme = h('select', { id: 'scheme', name: 'scheme' }) as HTMLSelectElement;
  for (const entry of SCHEMES) {
    const option = h('option', { value: entry.id }, entry.labels[state.locale]) as HTMLOptionElement;
    option.selected = entry.id === state.scheme;
    scheme.append(option);
  }
  scheme.addEventListener('change', () => (state.scheme = scheme.value));
  const asOf = h('input', { id: 'as-of', name: 'as-of', type: 'date', value: state.asOf }) as HTMLInputElement;
  asOf.addEventListener('input', () => (state.asOf = asOf.value));
  const locale = h('select', { id: 'locale', name: 'locale' }) as HTMLSelectElement;
  for (const [value, name] of LANGUAGES) {
    const option = h('option', { value }, name) as HTMLOptionElement;
    option.selected = value === state.locale;
    locale.append(option);
  }
  locale.addEventListener('change', () => {
    state.locale = locale.value as Locale;
    onLocaleChange();
  });
  const k = h('input', {
    id: 'k',
    name: 'k',
    type: 'number',
    min: '2',
    max: '20',
    step: '1',
    placeholder: 'auto',
    value: state.k,
  }) as HTMLInputElement;
  k.addEventListener('input', () => (state.k = k.value));
  const config = h('textarea', {
    id: 'thresholds',
    name: 'thresholds',
    rows: '3',
    spellcheck: 'false',
    placeholder: '{ "tags": { … } }',
  }) as HTMLTextAreaElement;
  config.value = state.configText;
  config.addEventListener('input', () => (state.configText = config.value));
  return h(
    'section',
    { class: 'options' },
    h('label', { for: 'scheme' }, t('scheme')),
    scheme,
    h('label', { for: 'as-of' }, t('asOf')),
    asOf,
    h('p', { class: 'hint' }, t('asOfHint')),
    h('label', { for: 'locale' }, t('locale')),
    locale,
    h('label', { for: 'k' }, t('k')),
    k,
    h('label', { for: 'thresholds' }, t('thresholds')),
    config,
  );
}
