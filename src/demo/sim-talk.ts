// Planning what members say: the mix of message categories by role, and questions with their answers.
import { COMMUNITIES } from './catalog.js';
import { M_CHAT, M_MEDIA, M_MORNING, M_NIGHT, M_PRODUCT, M_QUESTION, M_REPLY, M_THANKS } from './messages.js';
import { peerCanAnswer, pickTopic, pickVariant } from './qa.js';
import { A_ANSWER, A_MSG } from './plan.js';
import type { Sim } from './sim-context.js';
import { R_BACKBONE, R_EXPERT, R_LURKER, R_MASCOT } from './state.js';

const NIGHT_END = 8 * 3600;
const NIGHT_START = 23 * 3600;

/** Plans a question and usually its answer: staff most of the time, sometimes an experienced member; 10% go unanswered. */
export function planQuestion(sim: Sim, m: number, c: number, t: number, topic: number): number {
  const { rng, plan } = sim;
  const variant = pickVariant(rng, topic, COMMUNITIES[c]!.kind);
  const qi = plan.add(t, A_MSG, m, c, M_QUESTION, topic | (variant << 8));
  const about = c | (topic << 8) | (variant << 17);
  const u = rng.next();
  const peer = u >= 0.75 && u < 0.9 && peerCanAnswer(topic, variant) ? sim.pickExpert(c, m) : -1;
  let at = -1;
  if (peer >= 0) {
    at = t + rng.range(120, 3600);
    plan.add(at, A_ANSWER, peer, about | (1 << 16), qi, m);
  } else if (u < 0.9) {
    const def = COMMUNITIES[c]!;
    const staff = rng.chance(0.35) ? def.owner : rng.pick(def.admins);
    if (t < NIGHT_END)
      at = NIGHT_END + rng.int(3600); // operators answer night questions in the morning
    else if (t < NIGHT_START) at = t + rng.range(60, 1800);
    if (at >= 0) plan.add(at, A_ANSWER, staff, about, qi, m);
  }
  if (at >= 0 && rng.chance(0.3)) plan.add(at + rng.range(30, 900), A_MSG, m, c, M_THANKS, 0);
  return qi;
}

/**
 * One ordinary message of member m in community c at second t. Experts and backbone members reply more;
 * lurkers mostly post media or a greeting. Returns the topic if a question was asked, else −1.
 */
export function planMessage(sim: Sim, m: number, c: number, t: number): number {
  const { rng, plan, st } = sim;
  const role = st.role[m]!;
  let u = rng.next();
  if (role === R_EXPERT || role === R_BACKBONE) u = u * 0.8 + 0.2; // skip the lurker-ish head of the mix
  let cat: number;
  if (role === R_LURKER && u < 0.5) cat = u < 0.25 ? M_MEDIA : M_MORNING;
  else if (u < 0.06) cat = M_MORNING;
  else if (u < 0.1) cat = M_NIGHT;
  else if (u < 0.2) cat = M_MEDIA;
  else if (u < 0.25) cat = M_QUESTION;
  else if (u < 0.3) cat = M_PRODUCT;
  else if (u < 0.33) cat = M_THANKS;
  else if (u < (role === R_MASCOT ? 0.6 : 0.78)) cat = M_CHAT;
  else cat = M_REPLY;
  if (cat === M_QUESTION) {
    const topic = pickTopic(rng, st.level[m]!, COMMUNITIES[c]!.kind);
    planQuestion(sim, m, c, t, topic);
    return topic;
  }
  // greetings follow the clock: nobody says 早安 at 3pm or 晚安 at noon
  if (cat === M_MORNING && t > 11 * 3600) cat = t > 21 * 3600 ? M_NIGHT : M_CHAT;
  else if (cat === M_NIGHT && t < 21 * 3600 && t > 4 * 3600) cat = t < 10 * 3600 ? M_MORNING : M_CHAT;
  plan.add(t, A_MSG, m, c, cat, 0);
  return -1;
}
