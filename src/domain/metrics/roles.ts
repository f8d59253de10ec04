// Seed 003's eight community roles, assigned from a member's behaviour in one community over a window
// (docs/metrics.md, "Roles"). Pure: the service gathers RoleStats, this decides.
export const ROLES = [
  { key: 'owner', zh: '实权派（群主）', en: 'Owner' },
  { key: 'admin', zh: '大管家（管理员）', en: 'Admin' },
  { key: 'expert', zh: '隐藏大佬', en: 'Expert' },
  { key: 'backbone', zh: '骨干精英', en: 'Backbone' },
  { key: 'mascot', zh: '团宠', en: 'Mascot' },
  { key: 'onlooker', zh: '吃瓜群众', en: 'Onlooker' },
  { key: 'lurker', zh: '潜水党', en: 'Lurker' },
  { key: 'troublemaker', zh: '反动派', en: 'Troublemaker' },
] as const;

export type RoleKey = (typeof ROLES)[number]['key'];

export interface RoleStats {
  platformRole: 'owner' | 'admin' | null;
  messages: number;
  checkins: number;
  /** Messages of theirs that reply to someone else's message. */
  repliesGiven: number;
  /** Messages of others that reply to one of theirs. */
  repliesReceived: number;
  /** Distinct other members they replied to, were replied to by, mentioned or were mentioned by. */
  partners: number;
  /** Times they were removed from the community (member.left reason removed) in the window. */
  removals: number;
}

/** The thresholds of the rules; one place so the docs and the code cannot drift. */
export const ROLE_RULES = {
  expertRepliesReceived: 10,
  backboneMessages: 60,
  backboneRepliesReceived: 10,
  mascotPartners: 25,
  mascotRepliesGiven: 15,
  onlookerMessages: 3,
  onlookerCheckins: 3,
} as const;

/** The first rule that matches, in the order of ROLES' precedence below. */
export function assignRole(s: RoleStats): RoleKey {
  const r = ROLE_RULES;
  if (s.platformRole === 'owner') return 'owner';
  if (s.platformRole === 'admin') return 'admin';
  if (s.removals > 0) return 'troublemaker';
  // Authority: their words draw answers — at least one reply received for every two messages sent.
  if (s.repliesReceived >= r.expertRepliesReceived && 2 * s.repliesReceived >= s.messages) return 'expert';
  if (s.messages >= r.backboneMessages && s.repliesReceived >= r.backboneRepliesReceived) return 'backbone';
  if (s.partners >= r.mascotPartners && s.repliesGiven >= r.mascotRepliesGiven) return 'mascot';
  if (s.messages >= r.onlookerMessages || s.repliesGiven > 0 || s.checkins >= r.onlookerCheckins) return 'onlooker';
  return 'lurker';
}

export const emptyStats = (): RoleStats => ({
  platformRole: null,
  messages: 0,
  checkins: 0,
  repliesGiven: 0,
  repliesReceived: 0,
  partners: 0,
  removals: 0,
});
