import { LOCALES, label, type Locale } from '../i18n/labels.js';
import { classifyRfm8, type Rfm8Segment } from '../rfm/rfm8-classes.js';

/** A point in original units: days since the last purchase, purchases, spend. */
export interface RfmPoint {
  readonly recencyDays: number;
  readonly frequency: number;
  readonly monetary: number;
}

export interface ClusterName {
  /** The rfm8 class of the centroid (SPEC §5a). */
  readonly segment: Rfm8Segment;
  /** 0 when the class is unique among the clusters, else 1, 2, … (largest mean spend first). */
  readonly duplicate: number;
  /** "Cluster 2 · Important value (auto-named from centroid)" in every locale. */
  readonly labels: Readonly<Record<Locale, string>>;
}

/**
 * Proposes a name for each cluster (SPEC §5c naming) from its centroid in
 * original units against the overall means, with the rfm8 rule of SPEC
 * §5a: R high when the centroid's recency ≤ the mean (more recent), F and M
 * high when ≥ the mean (ties count as high). Two clusters in the same class
 * are numbered "(1)", "(2)" by mean spend, largest first (then recency,
 * then cluster id). The label says the name was proposed automatically,
 * for the analyst to confirm or rename.
 * @example nameClusters([{ recencyDays: 10, frequency: 9, monetary: 900 }], { recencyDays: 30, frequency: 4, monetary: 400 })[0].segment === 'important-value'
 */
export function nameClusters(centroids: readonly RfmPoint[], means: RfmPoint): ClusterName[] {
  const segments = centroids.map((c) =>
    classifyRfm8(c.recencyDays <= means.recencyDays, c.frequency >= means.frequency, c.monetary >= means.monetary),
  );
  const duplicate = new Array<number>(centroids.length).fill(0);
  for (const segment of new Set(segments)) {
    const members = segments.flatMap((s, id) => (s === segment ? [id] : []));
    if (members.length < 2) continue;
    members.sort(
      (a, b) =>
        centroids[b]!.monetary - centroids[a]!.monetary ||
        centroids[a]!.recencyDays - centroids[b]!.recencyDays ||
        a - b,
    );
    members.forEach((id, rank) => (duplicate[id] = rank + 1));
  }
  return segments.map((segment, id) => {
    const labels = Object.fromEntries(
      LOCALES.map((locale) => {
        const base = label(`segment.${segment}`, locale);
        const name =
          duplicate[id]! > 0 ? label('kmeans.duplicate-name', locale, { name: base, n: duplicate[id]! }) : base;
        return [locale, label('kmeans.cluster', locale, { id, name })];
      }),
    ) as Record<Locale, string>;
    return { segment, duplicate: duplicate[id]!, labels };
  });
}
