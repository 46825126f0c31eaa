import type { Digest, DigestCustomer } from '../digests/build-digest.js';
import type { Locale } from '../intents/match-intent.js';
import { message } from '../i18n/messages.js';
import type { Block } from './build-answer.js';
import { escapeMrkdwn, formatCount, formatMoney, formatShare, segmentName } from './format.js';

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
 * The weekly digest as Block Kit: tier counts with the change since the
 * previous snapshot and revenue share, top upgrades and downgrades, new
 * churn risks and win-back. `names` holds the name each listed customer may
 * show on this surface (masked in channels, SPEC §10).
 */
export function buildDigestBlocks(
  digest: Digest,
  locale: Locale,
  names: ReadonlyMap<string, string | null>,
  scopeLabel?: string,
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
  const tierLines = digest.tiers.map(
    (t) =>
      `• ${segmentName(digest.snapshot, t.segment, locale)}: ${formatCount(t.count)}${digest.previous ? ` (${change(t.count, t.previousCount)})` : ''} · ${message('digest.revenue-share', locale, { share: formatShare(t.revenueShare) })}`,
  );
  blocks.push({
    type: 'section',
    text: {
      type: 'mrkdwn',
      text: `*${message('digest.tiers', locale)}* — ${formatCount(digest.total)} · ${formatMoney(digest.totalRevenue, digest.snapshot, locale)}\n${tierLines.join('\n')}`,
    },
  });
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
    ...digest.newChurnRiskCustomers.map((c) => customerLine(digest, c, names, locale)),
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
