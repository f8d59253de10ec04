// Believable member names and profile data, derived from a hash so nothing needs storing per member.
import { hash32 } from './prng.js';

const ADJ = ['温柔的', '快乐的', '努力的', '爱笑的', '安静的', '元气', '佛系', '不吃香菜的', '早起的', '会发光的', '慢慢来的', '认真的'];
const NOUN = ['小猫', '月亮', '向日葵', '橘子', '兔兔', '蘑菇', '云朵', '小鹿', '柠檬', '海盐', '奶茶', '星星', '樱桃', '芒果', '团子'];
const DOUBLE = ['暖暖', '糖糖', '朵朵', '悠悠', '甜甜', '乐乐', '贝贝', '果果', '豆豆', '妞妞', '萌萌', '安安', '小小', '圆圆', '可可'];
const SURNAME = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '高', '罗'];
const GIVEN = ['静', '丽', '敏', '婷', '雪', '琳', '慧', '颖', '晓', '佳', '欣', '悦', '倩', '蕾', '莉', '芳', '洁', '璐', '娜', '薇'];
const TITLE = ['小姐', '女士', '姐', '老师', '同学', '姐姐'];
const KID = ['豆豆', '果果', '乐乐', '朵朵', '小宝', '大宝', '二宝', '糖糖', '米粒', '辰辰', '一一', '可乐'];
const MOM = ['妈', '妈妈', '妈咪', '麻麻'];
const PHRASE = [
  '静待花开',
  '岁月静好',
  '一路向阳',
  '知足常乐',
  '随遇而安',
  '心若向阳',
  '简单就好',
  '人间值得',
  '向阳而生',
  '未来可期',
  '自律给我自由',
  '花开半夏',
];
const EN = ['Lily', 'Coco', 'Amy', 'Yuki', 'Vivian', 'Cindy', 'Grace', 'Emma', 'Momo', 'Kiki', 'Sunny', 'Jessica', 'Anna', 'Nina'];
const EN_SUFFIX = ['', '酱', '🌸', '_', '妈妈', '老师', '✨'];
const EMOJI = ['🌸', '🌻', '☀️', '🍓', '🌙', '🍀', '✨', '💕', '🐰', '🧘‍♀️', '🌈', '🍑'];
const CITY_TAG = ['杭州', '上海', '深圳', '成都', '北京', '广州', '南京', '苏州'];
const LATIN_FIRST = [
  'Alice',
  'Kevin',
  'Jenny',
  'Michael',
  'Sophia',
  'Daniel',
  'Olivia',
  'Eric',
  'Hannah',
  'Jason',
  'Chloe',
  'Ryan',
  'Mia',
  'Leo',
  'Iris',
];
const LATIN_LAST = ['Wang', 'Zhang', 'Li', 'Chen', 'Liu', 'Huang', 'Lin', 'Wu', 'Smith', 'Nguyen', 'Tan', 'Lee', 'Ho', 'Kim'];

function at<T>(list: readonly T[], h: number): T {
  return list[h % list.length]!;
}

/** A Chinese-style WeChat nickname; about 1 in 5 carries an emoji. */
export function chineseNickname(h: number): string {
  const h2 = hash32(h, 11);
  const h3 = hash32(h, 12);
  let name: string;
  switch (h % 9) {
    case 0:
      name = at(ADJ, h2) + at(NOUN, h3);
      break;
    case 1:
      name = at(DOUBLE, h2);
      break;
    case 2:
      name = at(SURNAME, h2) + at(TITLE, h3);
      break;
    case 3:
      name = at(KID, h2) + at(MOM, h3);
      break;
    case 4:
      name = at(PHRASE, h2);
      break;
    case 5:
      name = at(EN, h2) + at(EN_SUFFIX, h3);
      break;
    case 6:
      name = at(SURNAME, h2) + at(GIVEN, h3) + at(GIVEN, h3 >>> 8);
      break;
    case 7:
      name = '小' + at(GIVEN, h2) + (h3 % 3 === 0 ? '-' + at(CITY_TAG, h3 >>> 4) : '');
      break;
    default:
      name = at(NOUN, h2) + at(DOUBLE, h3).slice(0, 1) + at(['呀', '酱', '君', '子'], h3 >>> 6);
      break;
  }
  if ((h >>> 8) % 5 === 0 && !/[^\u0000-\uffff]/.test(name)) name += at(EMOJI, h >>> 12);
  return name;
}

export function latinName(h: number): string {
  const h2 = hash32(h, 21);
  switch (h % 3) {
    case 0:
      return `${at(LATIN_FIRST, h2)} ${at(LATIN_LAST, h2 >>> 8)}`;
    case 1:
      return `${at(LATIN_FIRST, h2)} ${at(LATIN_LAST, h2 >>> 8).slice(0, 1)}.`;
    default:
      return at(LATIN_FIRST, h2) + at(['', ' 🌿', ' 🧘', ' Y'], h2 >>> 12);
  }
}

const MOBILE_PREFIX = [
  '130',
  '131',
  '132',
  '133',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '153',
  '155',
  '156',
  '157',
  '158',
  '159',
  '166',
  '177',
  '180',
  '181',
  '182',
  '183',
  '185',
  '186',
  '187',
  '188',
  '189',
  '191',
  '198',
  '199',
];

/** An 11-digit mainland mobile number that looks real (1[3-9]x + 8 digits). */
export function mobile(h: number): string {
  const rest = hash32(h, 31) % 100_000_000;
  return at(MOBILE_PREFIX, hash32(h, 32)) + String(rest).padStart(8, '0');
}

const CITIES = [
  '上海',
  '北京',
  '杭州',
  '深圳',
  '广州',
  '成都',
  '南京',
  '苏州',
  '武汉',
  '西安',
  '长沙',
  '重庆',
  '天津',
  '郑州',
  '青岛',
  '厦门',
  '合肥',
  '宁波',
];
const CITY_WEIGHT = [14, 11, 10, 10, 8, 7, 5, 5, 5, 4, 4, 4, 3, 3, 2, 2, 2, 1];
const CITY_CUM = CITY_WEIGHT.map(
  (
    (s) => (w: number) =>
      (s += w)
  )(0),
);
const OVERSEAS = ['Toronto', 'Vancouver', 'Sydney', 'Melbourne', 'Singapore', 'London', 'San Francisco', 'New York', 'Auckland', 'Tokyo'];
const AGE_BANDS = ['18-24', '25-30', '31-35', '36-40', '41-50', '50+'];
const AGE_CUM = [10, 38, 66, 84, 96, 100];

export function city(h: number, overseas: boolean): string {
  if (overseas) return at(OVERSEAS, hash32(h, 41));
  const x = hash32(h, 42) % CITY_CUM[CITY_CUM.length - 1]!;
  return CITIES[CITY_CUM.findIndex((c) => x < c)]!;
}

export function ageBand(h: number): string {
  const x = hash32(h, 43) % 100;
  return AGE_BANDS[AGE_CUM.findIndex((c) => x < c)]!;
}

const B62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** WeCom external user id look-alike; unique because the permuted index is written in full (6 base-62 digits). */
export function wecomExternalId(perm: number, noise: number): string {
  let out = 'wm' + B62[noise % 62]! + B62[(noise >>> 6) % 62]! + B62[(noise >>> 12) % 62]! + B62[(noise >>> 18) % 62]!;
  let x = perm >>> 0;
  for (let i = 0; i < 6; i++) {
    out += B62[x % 62]!;
    x = Math.floor(x / 62);
  }
  return out;
}
