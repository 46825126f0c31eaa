import { formatFieldName } from '../excel/field-names.js';
import { describeHeaders } from '../excel/preview-columns.js';
import { h } from './create-element.js';
import { recordError, type PaneState, type Translate } from './pane-state.js';

/** What the mapping section asks of the pane: read the selection again, draw again. */
export interface MappingActions {
  readonly refresh: () => void;
  readonly render: () => void;
}

/**
 * The column-mapping preview: the detected table and shape, one select per
 * field (required and asked-for fields marked). Changing a select re-detects
 * locally from the header row already read.
 */
export function buildMappingSection(state: PaneState, t: Translate, actions: MappingActions): HTMLElement {
  const preview = state.preview;
  const section = h(
    'section',
    { class: 'mapping', 'aria-labelledby': 'mapping-title' },
    h('h2', { id: 'mapping-title' }, t('mapping')),
  );
  const refresh = h('button', { type: 'button', id: 'refresh', class: 'secondary' }, t('refresh'));
  refresh.addEventListener('click', actions.refresh);
  section.append(refresh);
  if (!preview) return section;
  const shape =
    preview.shape === 'customers'
      ? t('shapeCustomers')
      : preview.shape === 'transactions'
        ? t('shapeTransactions')
        : t('shapeUnknown');
  section.append(h('p', { class: 'source' }, t('mappingSource', { source: preview.source, shape })));
  const body = h('tbody');
  for (const field of preview.fields) {
    const select = h('select', {
      'data-field': field.field,
      'aria-label': formatFieldName(field.field, state.locale),
    }) as HTMLSelectElement;
    select.append(h('option', { value: '' }, t('notFound')));
    for (const header of preview.headers.filter(Boolean)) {
      const option = h('option', { value: header }, header) as HTMLOptionElement;
      option.selected = header === field.header;
      select.append(option);
    }
    select.addEventListener('change', () => {
      if (select.value) state.mapping[field.field] = select.value;
      else delete state.mapping[field.field];
      // Re-detect locally: the header row is already known.
      try {
        state.preview = { source: preview.source, ...describeHeaders(preview.headers, state.mapping) };
      } catch (error) {
        recordError(state, error);
      }
      actions.render();
    });
    const missing = field.header === undefined;
    const asked = state.asked.includes(field.field);
    body.append(
      h(
        'tr',
        { class: [missing ? 'missing' : '', asked ? 'asked' : ''].filter(Boolean).join(' ') },
        h(
          'th',
          { scope: 'row' },
          formatFieldName(field.field, state.locale),
          field.required ? h('span', { class: 'required' }, ` (${t('required')})`) : undefined,
        ),
        h('td', {}, select),
      ),
    );
  }
  section.append(
    h(
      'table',
      { class: 'fields' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('field')), h('th', { scope: 'col' }, t('column')))),
      body,
    ),
  );
  return section;
}
