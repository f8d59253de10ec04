// Which report of a join or leave counts. Telegram tells a chat's joins and leaves twice when the bot is an admin
// there and asked for chat_member updates: as a service message (new_chat_members, left_chat_member) and as a
// chat_member update — only the latter names the invite link. Counting both would join everyone twice, so in such
// chats service messages are passed over; everywhere else (the bot is not an admin, or chat_member was not asked
// for) they are the only report and count.
import type { Api } from 'grammy';

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj | null => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : null);
const chatId = (v: unknown): string | null => {
  const id = obj(v)?.id;
  return typeof id === 'number' ? String(id) : null;
};

const ADMIN_TTL_MS = 10 * 60_000;
const FAILED_TTL_MS = 60_000;

export class MembershipSource {
  /** Chats whose chat_member updates have reached us: proof that they come. */
  private readonly delivering = new Set<string>();
  private readonly admin = new Map<string, { admin: boolean; until: number }>();
  private requested: boolean;

  constructor(
    private readonly api: Api,
    private readonly botId: number,
    /** Whether chat_member is among the update types asked for (polling: always; webhook: per getWebhookInfo). */
    requested: boolean,
    private readonly now: () => number = Date.now,
  ) {
    this.requested = requested;
  }

  setRequested(requested: boolean): void {
    this.requested = requested;
  }

  /** Learns from an update before it is translated. */
  observe(update: unknown): void {
    const u = obj(update);
    const cm = obj(u?.chat_member);
    const chat = chatId(cm?.chat);
    if (chat) {
      this.delivering.add(chat);
      this.requested = true;
    }
    const mine = obj(u?.my_chat_member);
    const mineChat = chatId(mine?.chat);
    const status = obj(mine?.new_chat_member)?.status;
    if (mineChat && typeof status === 'string') {
      const admin = status === 'administrator' || status === 'creator';
      this.admin.set(mineChat, { admin, until: this.now() + ADMIN_TTL_MS });
      if (!admin) this.delivering.delete(mineChat);
    }
  }

  /** Whether this update's service-message joins or leaves count (true for any other update). */
  async serviceMembership(update: unknown): Promise<boolean> {
    const m = obj(obj(update)?.message);
    if (!m || (m.new_chat_members === undefined && m.new_chat_member === undefined && m.left_chat_member === undefined)) return true;
    const chat = chatId(m.chat);
    if (!chat) return true;
    if (this.delivering.has(chat)) return false;
    if (!this.requested) return true;
    return !(await this.isAdmin(chat));
  }

  private async isAdmin(chat: string): Promise<boolean> {
    const known = this.admin.get(chat);
    if (known && known.until > this.now()) return known.admin;
    let admin = false;
    let ttl = ADMIN_TTL_MS;
    try {
      const me = await this.api.getChatMember(chat, this.botId);
      admin = me.status === 'administrator' || me.status === 'creator';
    } catch {
      // Unknown: count the service message (a missed join is worse than a doubtful one), ask again soon.
      ttl = FAILED_TTL_MS;
    }
    this.admin.set(chat, { admin, until: this.now() + ttl });
    return admin;
  }
}
