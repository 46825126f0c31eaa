/** The words the sample is written in: regions, industries, staff, masked names. */

import type { CompanySize } from './personas.js';

/** SPEC §2 region values; East China dominates, as in source C's pilot. */
export const REGIONS: readonly (readonly [string, number])[] = [
  ['华东', 40],
  ['华南', 18],
  ['华北', 16],
  ['华中', 10],
  ['西南', 8],
  ['西北', 4],
  ['东北', 4],
];

export const INDUSTRIES: readonly (readonly [string, number])[] = [
  ['信息技术', 18],
  ['零售', 22],
  ['制造业', 20],
  ['金融', 10],
  ['服务业', 15],
  ['教育', 7],
  ['医疗', 8],
];

/** Values outside the industry list, for SPEC §3 industry-unrecognized. */
export const UNKNOWN_INDUSTRIES = {
  'IT行业': '信息技术',
  '零售业': '零售',
} as const;

export const MANAGERS: readonly (readonly [string, number])[] = [
  ['张伟', 14],
  ['李娜', 13],
  ['王芳', 12],
  ['刘洋', 12],
  ['陈静', 11],
  ['杨磊', 10],
  ['赵敏', 10],
  ['黄强', 9],
  ['Maria Garcia', 5],
  ['David Chen', 4],
];

/** The two staff who take most English-speaking accounts. */
export const ENGLISH_MANAGERS: readonly string[] = ['Maria Garcia', 'David Chen'];

export const SURNAMES: readonly string[] = [
  '张', '王', '李', '赵', '刘', '陈', '杨', '黄', '周', '吴',
  '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '高', '罗',
];

/** Masked English-style names (SPEC §10: external output masks names). */
export const ENGLISH_NAMES: readonly (readonly [string, number])[] = [
  ['Mr. *', 45],
  ['Ms. *', 45],
  ['Dr. *', 10],
];

/** Company-name endings by industry; the distinctive part is masked as `*`. */
export const COMPANY_SUFFIXES: Readonly<Record<string, readonly string[]>> = {
  信息技术: ['科技有限公司', '信息技术有限公司', '软件有限公司'],
  零售: ['贸易公司', '商贸有限公司', '百货有限公司'],
  制造业: ['制造集团', '机械制造有限公司', '实业有限公司'],
  金融: ['投资管理有限公司', '金融服务有限公司'],
  服务业: ['企业管理咨询有限公司', '物业服务有限公司', '餐饮管理有限公司'],
  教育: ['教育科技有限公司', '培训学校'],
  医疗: ['医疗器械有限公司', '医药有限公司'],
};

export const LARGE_COMPANY_SUFFIXES: readonly string[] = ['集团有限公司', '控股集团有限公司', '股份有限公司'];

/** English-style company names; the comma exercises csv quoting. */
export const ENGLISH_COMPANY_SUFFIXES: Readonly<Record<CompanySize, readonly string[]>> = {
  个人: [],
  中小企业: [' Trading Co., Ltd.', ' Technology Co., Ltd.', ' Consulting Ltd.'],
  大型企业: [' Group Holdings', ' Group Co., Ltd.', ' International Co., Ltd.'],
};

/** Mainland mobile prefixes for masked numbers like 138****1234. */
export const MOBILE_PREFIXES: readonly string[] = [
  '130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152',
  '155', '156', '157', '158', '159', '166', '176', '177', '180', '181', '182', '185',
  '186', '187', '188', '189', '199',
];
