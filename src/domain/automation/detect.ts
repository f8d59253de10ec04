// Ad detectors beyond word lists: links, mainland phone numbers and WeChat ids, each reported with its offsets.
// Digits split by spaces or dashes ("138 0013 8000") still count; the text is member input, never trusted.
export interface Found {
  what: 'link' | 'phone' | 'wechat_id';
  start: number;
  end: number;
  matched: string;
}

const LINK =
  /\bhttps?:\/\/[^\s<>"']+|\bwww\.[^\s<>"']+|\b[a-z0-9][a-z0-9-]{0,62}\.(?:com|cn|net|org|top|xyz|cc|io|me|shop|vip|info|link|site|club)\b(?:\/[^\s<>"']*)?/giu;
// 11 digits starting 13–19, allowing one space or dash between digits; not part of a longer number.
const PHONE = /(?<![\d])1[3-9](?:[\s-]?\d){9}(?![\d])/gu;
// A WeChat id is 6–20 of letters, digits, _ and -, starting with a letter, after a WeChat cue (spaced out or not).
const WECHAT =
  /(?:微\s*信|威\s*信|薇\s*信|[vV]\s*信|[vVwW]\s*[xX]|[wW][eE][iI][xX][iI][nN]|[wW][eE][cC][hH][aA][tT]|加\s*[vV]|加\s*微)(\s*(?:号)?\s*[:：]?\s*)([a-zA-Z][-_a-zA-Z0-9]{5,19})(?![-_a-zA-Z0-9])/gu;

function all(re: RegExp, text: string, what: Found['what']): Found[] {
  const out: Found[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) out.push({ what, start: m.index, end: m.index + m[0].length, matched: m[0] });
  return out;
}

export const findLinks = (text: string): Found[] => all(LINK, text, 'link');
export const findPhones = (text: string): Found[] => all(PHONE, text, 'phone');
/** After a bare cue ("微信 review"), a word of letters alone is English, not an id; after 号 or a colon it is an id. */
export function findWechatIds(text: string): Found[] {
  const out: Found[] = [];
  WECHAT.lastIndex = 0;
  for (let m = WECHAT.exec(text); m !== null; m = WECHAT.exec(text)) {
    const [whole, between, id] = m as unknown as [string, string, string];
    if (!/[号:：]/.test(between) && !/[\d_-]/.test(id)) continue;
    const start = m.index + whole.length - id.length;
    out.push({ what: 'wechat_id', start, end: start + id.length, matched: id });
  }
  return out;
}
