import { findScheme, type Locale } from '../../core/index.js';
import { countOtherSettings, listConfigFields, readConfigNumber, writeConfigNumber } from './config-fields.js';
import { h } from './create-element.js';
import type { PaneState, Translate } from './pane-state.js';
import { CONFIG_DOCS_URL } from './project-links.js';

/** The languages the pane offers, each named in itself. */
const LANGUAGES: readonly (readonly [Locale, string])[] = [
  ['en', 'English'],
  ['zh-CN', '简体中文'],
];

/** The scheme's thresholds as number fields, one fieldset per segment (or SLA / weights table). */
function buildThresholdFields(state: PaneState, t: Translate): HTMLElement {
  const fields = listConfigFields(state.scheme, state.locale);
  const box = h('div', { class: 'thresholds' });
  if (fields.length === 0) {
    box.append(h('p', { class: 'hint' }, t('noThresholds')));
    return box;
  }
  box.append(h('p', { class: 'hint' }, t('thresholds')));
  let fieldset: HTMLElement | undefined;
  let group = '';
  fields.forEach((field, i) => {
    if (!fieldset || field.group !== group) {
      group = field.group;
      fieldset = h('fieldset', {}, h('legend', {}, group));
      box.append(fieldset);
    }
    const id = `threshold-${i}`;
    const stored = readConfigNumber(state.config, field.path);
    const input = h('input', {
      id,
      type: 'number',
      step: 'any',
      inputmode: 'decimal',
      'data-path': field.path.join('.'),
      placeholder: String(field.defaultValue),
      value: stored === undefined ? '' : String(stored),
    }) as HTMLInputElement;
    input.addEventListener('input', () => {
      // Empty (or not yet a number while typing): the engine's default.
      const value =
        input.value.trim() === '' || !Number.isFinite(input.valueAsNumber) ? undefined : input.valueAsNumber;
      state.config = writeConfigNumber(state.config, field.path, value);
    });
    fieldset.append(h('div', { class: 'threshold' }, h('label', { for: id }, field.label), input));
  });
  return box;
}

/**
 * The advanced options, folded by default: the language of the results,
 * K for k-means, the scheme's common thresholds as a small form, how many
 * other stored settings are kept, and a link to the config docs for the rest.
 * A language change re-renders the pane.
 */
export function buildAdvancedSection(state: PaneState, t: Translate, onLocaleChange: () => void): HTMLElement {
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
  const details = h(
    'details',
    { class: 'advanced', id: 'advanced' },
    h('summary', {}, t('advanced')),
    h('label', { for: 'locale' }, t('locale')),
    locale,
  ) as HTMLDetailsElement;
  details.open = state.advancedOpen;
  details.addEventListener('toggle', () => (state.advancedOpen = details.open));
  if (findScheme(state.scheme)?.options.includes('k')) {
    const k = h('input', {
      id: 'k',
      name: 'k',
      type: 'number',
      min: '2',
      max: '20',
      step: '1',
      value: state.k,
    }) as HTMLInputElement;
    k.addEventListener('input', () => (state.k = k.value));
    details.append(h('label', { for: 'k' }, t('k')), k);
  }
  details.append(buildThresholdFields(state, t));
  const others = countOtherSettings(state.config, listConfigFields(state.scheme, state.locale));
  if (others > 0)
    details.append(h('p', { class: 'hint', id: 'other-settings' }, t('otherSettings', { count: others })));
  details.append(
    h(
      'p',
      { class: 'hint docs' },
      `${t('configDocs')} `,
      h('a', { href: CONFIG_DOCS_URL, target: '_blank', rel: 'noopener' }, t('configDocsLink')),
    ),
  );
  return details;
}
