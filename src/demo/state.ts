// Per-member simulation state in typed arrays (about 25 bytes a member), plus identity: ids, platform, names.
// Index layout: [0, S) staff, [S, S+N) community members in join order, [S+N, S+N+X) buyers who never join.
import { C_TG, STAFF } from './catalog.js';
import { chineseNickname, latinName, wecomExternalId } from './names.js';
import { hash32 } from './prng.js';

export const F_PRESENT = 1,
  F_VIP = 2,
  F_SPAM = 4,
  F_PHONE = 8,
  F_BANNED = 16,
  F_INTENT = 32,
  F_LINKED = 64,
  F_GONE = 128;
export const R_LURKER = 0,
  R_ONLOOKER = 1,
  R_ACTIVE = 2,
  R_BACKBONE = 3,
  R_EXPERT = 4,
  R_MASCOT = 5,
  R_TROUBLE = 6;
export const CK_NONE = 0,
  CK_ACTIVE = 1,
  CK_DROPPED = 2,
  CK_DONE = 3;
export const NO_SLOT = 0xffff;

export class Members {
  readonly staff = STAFF.length;
  readonly total: number;
  readonly joinSlot: Uint16Array;
  readonly comm: Uint8Array;
  readonly chan: Uint8Array;
  readonly role: Uint8Array;
  readonly flags: Uint8Array;
  /** Messages a day right after joining (or after a reactivation), and the daily decay constant. */
  readonly base: Float32Array;
  readonly lambda: Float32Array;
  readonly anchor: Uint16Array;
  /** Highest pyramid level bought: 0 none, 1 lead, 2 entry, 3 premium. */
  readonly level: Uint8Array;
  readonly buySlot: Uint16Array;
  readonly buyProd: Uint8Array;
  readonly ckState: Uint8Array;
  readonly ckMiss: Uint8Array;
  readonly ckCount: Uint8Array;
  /** Check-in commitment 0–255 (a probability ×255). */
  readonly ckCommit: Uint8Array;
  readonly rejoin: Uint16Array;
  readonly depth: Uint8Array;
  readonly nameVer: Uint8Array;
  /** Telegram identities of people who are also a WeCom member: tg index → wecom index (a handful). */
  readonly linked = new Map<number, number>();
  private readonly salt: number;

  constructor(
    readonly members: number,
    readonly external: number,
    seed: number,
  ) {
    this.total = this.staff + members + external;
    const n = this.total;
    this.joinSlot = new Uint16Array(n);
    this.comm = new Uint8Array(n).fill(255);
    this.chan = new Uint8Array(n).fill(255);
    this.role = new Uint8Array(n);
    this.flags = new Uint8Array(n);
    this.base = new Float32Array(n);
    this.lambda = new Float32Array(n);
    this.anchor = new Uint16Array(n);
    this.level = new Uint8Array(n);
    this.buySlot = new Uint16Array(n).fill(NO_SLOT);
    this.buyProd = new Uint8Array(n);
    this.ckState = new Uint8Array(n);
    this.ckMiss = new Uint8Array(n);
    this.ckCount = new Uint8Array(n);
    this.ckCommit = new Uint8Array(n);
    this.rejoin = new Uint16Array(n).fill(NO_SLOT);
    this.depth = new Uint8Array(n);
    this.nameVer = new Uint8Array(n);
    this.salt = hash32(seed, 0x5eed);
  }

  isTelegram(m: number): boolean {
    return m < this.staff ? STAFF[m]!.platform === 'telegram' : this.comm[m] === C_TG;
  }

  platformOf(m: number): string {
    return this.isTelegram(m) ? 'telegram' : 'wecom';
  }

  /** Platform member id: WeCom external ids ("wm…") or numeric Telegram user ids; unique per index. */
  idOf(m: number): string {
    if (m < this.staff) return STAFF[m]!.id;
    const perm = (Math.imul(m, 0x9e3779b1) ^ this.salt) >>> 0; // bijective on 32 bits, so ids never collide
    if (this.comm[m] === C_TG) return String(1_000_000_000 + perm);
    return wecomExternalId(perm, hash32(m, this.salt));
  }

  nameOf(m: number): string {
    if (m < this.staff) return STAFF[m]!.name;
    const same = this.linked.get(m);
    if (same !== undefined) return this.nameOf(same); // one person, one nickname on both platforms
    const h = hash32(m, this.salt, this.nameVer[m]);
    if (this.comm[m] === C_TG && h % 4 === 0) return latinName(h); // a quarter of the overseas group use Latin names
    return chineseNickname(h);
  }
}
