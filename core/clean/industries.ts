import { normalizeText } from '../text/normalize-text.js';

/**
 * SPEC §3 industry-unrecognized: the default list is the GB/T 4754-2017
 * sections (the usual national standard) plus the short names analysts use;
 * a run can pass its own list.
 */
export const DEFAULT_INDUSTRIES = [
  '农、林、牧、渔业', '农林牧渔业', '农业', '采矿业', '制造业', '制造', '电力、热力、燃气及水生产和供应业', '能源', '建筑业', '建筑',
  '批发和零售业', '批发', '零售', '零售业', '交通运输、仓储和邮政业', '交通运输', '物流', '住宿和餐饮业', '餐饮', '酒店',
  '信息传输、软件和信息技术服务业', '信息技术', '互联网', '软件', '通信', '金融业', '金融', '银行', '保险', '证券', '房地产业', '房地产',
  '租赁和商务服务业', '商务服务', '科学研究和技术服务业', '科研', '水利、环境和公共设施管理业', '居民服务、修理和其他服务业', '服务业', '服务',
  '教育', '卫生和社会工作', '医疗', '医疗健康', '医药', '文化、体育和娱乐业', '文化娱乐', '传媒', '公共管理、社会保障和社会组织', '政府', '国际组织',
  'Agriculture', 'Mining', 'Manufacturing', 'Energy', 'Utilities', 'Construction', 'Wholesale', 'Retail', 'Transportation', 'Logistics',
  'Hospitality', 'Information technology', 'IT', 'Technology', 'Software', 'Telecommunications', 'Finance', 'Financial services', 'Banking',
  'Insurance', 'Real estate', 'Business services', 'Professional services', 'Research', 'Services', 'Education', 'Healthcare', 'Health care',
  'Pharmaceuticals', 'Media', 'Entertainment', 'Government', 'Public sector', 'Non-profit',
];

/** A case- and width-insensitive membership test over an industry list. */
export function createIndustryMatcher(industries: readonly string[]): (value: string) => boolean {
  const known = new Set(industries.map((i) => normalizeText(i).toLowerCase()));
  return (value) => known.has(normalizeText(value).toLowerCase());
}
