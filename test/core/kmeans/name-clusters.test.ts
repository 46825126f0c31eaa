import { describe, expect, it } from 'vitest';
import { nameClusters } from '../../../core/kmeans/index.js';

const MEANS = { recencyDays: 30, frequency: 4, monetary: 400 };

describe('nameClusters (rfm8 vocabulary, SPEC §5a)', () => {
  it('calls R high when recency ≤ the mean and F, M high when ≥ the mean (ties high)', () => {
    const names = nameClusters(
      [
        { recencyDays: 30, frequency: 4, monetary: 400 },
        { recencyDays: 10, frequency: 1, monetary: 900 },
        { recencyDays: 90, frequency: 9, monetary: 100 },
        { recencyDays: 200, frequency: 1, monetary: 50 },
      ],
      MEANS,
    );
    expect(names.map((n) => n.segment)).toEqual([
      'important-value',
      'important-development',
      'general-retention',
      'general-win-back',
    ]);
    expect(names.every((n) => n.duplicate === 0)).toBe(true);
  });

  it('labels each cluster in both locales and says the name was proposed from the centroid', () => {
    const [name] = nameClusters([{ recencyDays: 10, frequency: 9, monetary: 900 }], MEANS);
    expect(name!.labels).toMatchInlineSnapshot(`
      {
        "en": "Cluster 0 · Important value (auto-named from centroid)",
        "zh-CN": "聚类0 · 重要价值客户（按质心自动命名）",
      }
    `);
  });

  it('numbers clusters that share a name, the larger mean spend first', () => {
    const names = nameClusters(
      [
        { recencyDays: 300, frequency: 1, monetary: 20 },
        { recencyDays: 10, frequency: 9, monetary: 900 },
        { recencyDays: 200, frequency: 2, monetary: 60 },
      ],
      MEANS,
    );
    expect(names.map((n) => [n.segment, n.duplicate])).toEqual([
      ['general-win-back', 2],
      ['important-value', 0],
      ['general-win-back', 1],
    ]);
    expect(names.map((n) => n.labels.en)).toEqual([
      'Cluster 0 · General win-back (2) (auto-named from centroid)',
      'Cluster 1 · Important value (auto-named from centroid)',
      'Cluster 2 · General win-back (1) (auto-named from centroid)',
    ]);
    expect(names[2]!.labels['zh-CN']).toBe('聚类2 · 一般挽留客户（1）（按质心自动命名）');
  });
});
