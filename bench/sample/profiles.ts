import type { Rng } from '../../core/index.js';
import { COMPANY_SIZES, PERSONAS, type CompanySize, type Persona } from './personas.js';
import { apportion, pickOne, pickWeighted, shuffled } from './sampling.js';
import {
  COMPANY_SUFFIXES,
  ENGLISH_COMPANY_SUFFIXES,
  ENGLISH_MANAGERS,
  ENGLISH_NAMES,
  INDUSTRIES,
  LARGE_COMPANY_SUFFIXES,
  MANAGERS,
  MOBILE_PREFIXES,
  REGIONS,
  SURNAMES,
} from './vocabulary.js';

/** Everything fixed about one customer before any order is drawn. */
export interface CustomerProfile {
  /** `C00001`… in file order. */
  readonly id: string;
  readonly persona: Persona;
  readonly englishStyle: boolean;
  /** Masked personal name (SPEC §10), e.g. `*先生`, `张*`, `Mr. *`. */
  readonly name: string;
  /** Masked company name, '' for individuals. */
  readonly company: string;
  /** Masked mobile, e.g. `138****1234`. */
  readonly contact: string;
  readonly region: string;
  readonly industry: string;
  readonly size: CompanySize;
  readonly manager: string;
  readonly complaints: number;
  readonly promotions: number;
  readonly coupons: number;
}

const ENGLISH_SHARE = 0.1;
/** SPEC §10 masks companies as 「A公司」 as well as `*…有限公司`. */
const LETTER_COMPANY_SHARE = 0.05;

/**
 * Draws `count` customer profiles: the persona mix is exact (largest
 * remainder of the shares), then shuffled so personas do not come in blocks.
 */
export function drawProfiles(rng: Rng, count: number): CustomerProfile[] {
  const counts = apportion(
    count,
    PERSONAS.map((persona) => persona.share),
  );
  const personas = shuffled(
    rng,
    PERSONAS.flatMap((persona, i) => Array.from({ length: counts[i] ?? 0 }, () => persona)),
  );
  return personas.map((persona, index) => drawProfile(rng, index, persona));
}

function drawProfile(rng: Rng, index: number, persona: Persona): CustomerProfile {
  const englishStyle = rng.next() < ENGLISH_SHARE;
  const size = pickWeighted(
    rng,
    COMPANY_SIZES.map((s, i) => [s, persona.sizeWeights[i] ?? 0] as const),
  );
  const industry = pickWeighted(rng, INDUSTRIES);
  const unhappy = rng.next() < persona.complaintRate;
  return {
    id: `C${String(index + 1).padStart(5, '0')}`,
    persona,
    englishStyle,
    name: englishStyle ? pickWeighted(rng, ENGLISH_NAMES) : chineseName(rng),
    company: companyName(rng, size, industry, englishStyle),
    contact: `${pickOne(rng, MOBILE_PREFIXES)}****${String(rng.int(0, 9999)).padStart(4, '0')}`,
    region: pickWeighted(rng, REGIONS),
    industry,
    size,
    manager:
      englishStyle && rng.next() < 0.6 ? pickOne(rng, ENGLISH_MANAGERS) : pickWeighted(rng, MANAGERS),
    complaints: unhappy ? rng.int(1, persona.maxComplaints) : 0,
    promotions: rng.int(...persona.promotions),
    coupons: rng.int(...persona.coupons),
  };
}

function chineseName(rng: Rng): string {
  const r = rng.next();
  if (r < 0.35) return '*先生';
  if (r < 0.65) return '*女士';
  return pickOne(rng, SURNAMES) + (rng.next() < 0.5 ? '*' : '**');
}

function companyName(rng: Rng, size: CompanySize, industry: string, englishStyle: boolean): string {
  if (size === '个人') return '';
  if (englishStyle) return '*' + pickOne(rng, ENGLISH_COMPANY_SUFFIXES[size]);
  if (rng.next() < LETTER_COMPANY_SHARE) return `${String.fromCharCode(65 + rng.int(0, 25))}公司`;
  const suffixes = size === '大型企业' ? LARGE_COMPANY_SUFFIXES : (COMPANY_SUFFIXES[industry] ?? []);
  return '*' + pickOne(rng, suffixes);
}
