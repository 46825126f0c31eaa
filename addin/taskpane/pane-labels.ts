import { label, type LabelKey, type Locale } from '../../core/index.js';

type PaneKey = Extract<LabelKey, `pane.${string}`>;

/** A pane string's id: its catalogue key without the `pane.` prefix (core/i18n/pane-messages.ts). */
export type PaneLabel = PaneKey extends `pane.${infer Id}` ? Id : never;

/** The pane string `key` in `locale`, `{name}` placeholders filled (numbers with thousands separators): the one catalogue's `label`. */
export function formatPaneLabel(
  key: PaneLabel,
  locale: Locale,
  params: Readonly<Record<string, string | number>> = {},
): string {
  const text: Record<string, string> = {};
  for (const [name, value] of Object.entries(params))
    text[name] = typeof value === 'number' ? value.toLocaleString('en-US') : value;
  return label(`pane.${key}` as PaneKey, locale, text);
}
