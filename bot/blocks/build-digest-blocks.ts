import type { Digest, DigestCustomer } from '../digests/build-digest.js';
import type { Locale } from '../intents/match-intent.js';
import { message } from '../i18n/messages.js';
import type { Block } from './build-answer.js';
import { escapeMrkdwn, formatCount, formatMoney, formatShare, segmentName, suggestedAction } from './format.js';

function change(now: number, before: number): string {
  const d = now - before;
  return d === 0 ? '±0' : d > 0 ? `+${d}` : `${d}`;
}

function customerLine(
  digest: Digest,
  c: DigestCustomer,
  names: ReadonlyMap<string, string | null>,
  locale: Locale,
): string {
  const name = names.get(c.customerId);
  const who = name ? `${c.customerId} · ${escapeMrkdwn(name)}` : c.customerId;
  const move =
    c.from !== undefined && c.to !== undefined
      ? `${segmentName(digest.snapshot, c.from, locale)} → ${segmentName(digest.snapshot, c.to, locale)}`
      : segmentName(digest.snapshot, c.segment ?? '', locale);
  return `• ${who}: ${move} (${formatMoney(c.revenue, digest.snapshot, locale)})`;
}

/**
 * The listed customers under the suggested action they share (SPEC §7
 * Table 6 measures of their strategy group), so an action is written once,
 * not once per customer. Actions keep the order of their first customer. A
 * customer whose group `groups` knows but who has none gets the churn-risk
 * row's win-back action, since everyone listed here is at risk; a customer
 * `groups` does not know is listed without an action.
 */
function linesByAction(
  digest: Digest,
  customers: readonly DigestCustomer[],
  names: ReadonlyMap<string, string | null>,
  groups: ReadonlyMap<string, string | null>,
  locale: Locale,
): string[] {
  const byAction = new Map<string, string[]>();
  for (const c of customers) {
    const action = !groups.has(c.customerId)
      ? ''
      : (suggestedAction({ strategyGroup: groups.get(c.customerId) ?? null }, locale) ??
        suggestedAction({ strategyGroup: 'churn-risk' }, locale)!);
    const lines = byAction.get(action) ?? [];
    lines.push(customerLine(digest, c, names, locale));
    byAction.set(action, lines);
  }
  return [...byAction].flatMap(([action, lines]) =>
    action === ''
      ? lines
      : [`▸ ${message('digest.action', locale, { action: escapeMrkdwn(action) })}`, ...lines.map((l) => `    ${l}`)],
  );
}

/**
 * The weekly digest as Block Kit: tier counts with the change since the
 * previous snapshot, each tier's share of customers and share of revenue
 * (labelled, with a note saying what each is), top upgrades and downgrades,
 * new churn risks grouped under their suggested action, and win-back.
 * `names` holds the name each listed customer may show on this surface
 * (masked in channels, SPEC §10); `groups` the strategy group of each listed
 * customer (digestStrategyGroups).
 */
export function buildDigestBlocks(
  digest: Digest,
  locale: Locale,
  names: ReadonlyMap<string, string | null>,
  scopeLabel?: string,
  groups: ReadonlyMap<string, string | null> = new Map(),
): Block[] {
  const scope = scopeLabel ?? digest.owner ?? message('digest.scope-all', locale);
  const blocks: Block[] = [
    { type: 'header', text: { type: 'plain_text', text: message('digest.title', locale, { scope }).slice(0, 150) } },
    {
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: digest.previous
            ? message('digest.period', locale, { asOf: digest.snapshot.asOf, previous: digest.previous.asOf })
            : message('digest.period-first', locale, { asOf: digest.snapshot.asOf }),
        },
      ],
    },
  ];
  if (digest.total === 0) {
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: message('digest.empty', locale) } });
    return blocks;
  }
  // Two different percentages per tier, each named: its share of the customers and its share of the revenue.
  const tierLines = digest.tiers.map(
    (t) =>
      `• ${message('digest.tier-line', locale, {
        segment: segmentName(digest.snapshot, t.segment, locale),
        count: formatCount(t.count),
        change: digest.previous ? ` (${change(t.count, t.previousCount)})` : '',
        share: formatShare(digest.total > 0 ? t.count / digest.total : 0),
        revenueShare: formatShare(t.revenueShare),
      })}`,
  );
  blocks.push({
    type: 'section',
    text: {
      type: 'mrkdwn',
      text: `*${message('digest.tiers', locale)}* — ${message('digest.tiers-total', locale, {
        count: formatCount(digest.total),
        revenue: formatMoney(digest.totalRevenue, digest.snapshot, locale),
      })}\n${tierLines.join('\n')}`,
    },
  });
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: message('digest.shares-note', locale) }] });
  if (digest.previous) {
    if (digest.upgrades.length)
      blocks.push({
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: `*${message('digest.upgrades', locale)}* (${digest.upgraded})\n${digest.upgrades.map((c) => customerLine(digest, c, names, locale)).join('\n')}`,
        },
      });
    if (digest.downgrades.length)
      blocks.push({
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: `*${message('digest.downgrades', locale)}* (${digest.downgraded})\n${digest.downgrades.map((c) => customerLine(digest, c, names, locale)).join('\n')}`,
        },
      });
  }
  // Both counts read the snapshot's one at-risk flag; the definition says what it means.
  const risks = [
    `*${message('digest.new-risks', locale, { count: digest.newChurnRisks })}* · ${message('digest.at-risk', locale, { count: formatCount(digest.churnRisks), share: formatShare(digest.total > 0 ? digest.churnRisks / digest.total : 0) })}`,
    ...linesByAction(digest, digest.newChurnRiskCustomers, names, groups, locale),
  ];
  blocks.push({ type: 'section', text: { type: 'mrkdwn', text: risks.join('\n') } });
  const definition =
    digest.snapshot.churn &&
    (locale === 'zh-CN' ? digest.snapshot.churn.definition.zh : digest.snapshot.churn.definition.en);
  if (definition) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: escapeMrkdwn(definition) }] });
  if (digest.previous) {
    const w = digest.winBack;
    const rate = w.contacts > 0 ? formatShare(w.successes / w.contacts) : '—';
    blocks.push({
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: message('digest.win-back', locale, { won: w.won, atRisk: w.atRisk, contacts: w.contacts, rate }),
        },
      ],
    });
  }
  return blocks;
}
