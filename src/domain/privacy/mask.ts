// Phone numbers as people without the `pii` permission see them: 138****5678 (the first three and last four
// characters kept), a short number fully masked. Pure; used by every answer and export that carries a phone, and
// on the phone numbers members write in their messages.
import { findPhones } from '../automation/detect.js';

/** What erasure leaves in place of a person's name, phone or other text (docs/privacy.md). */
export const ERASED = '[erased]';

const KEEP_HEAD = 3;
const KEEP_TAIL = 4;
/** Below this many characters, keeping 7 would reveal most of the number: all of it is masked. */
const MIN_PARTIAL = 11;

/** The masked form of a phone number (same length in characters); null stays null, the erasure tombstone stays. */
export function maskPhone(phone: string): string;
export function maskPhone(phone: string | null): string | null;
export function maskPhone(phone: string | null): string | null {
  if (phone === null || phone === ERASED) return phone;
  const chars = [...phone];
  if (chars.length < MIN_PARTIAL) return '*'.repeat(chars.length);
  return chars.slice(0, KEEP_HEAD).join('') + '*'.repeat(chars.length - KEEP_HEAD - KEEP_TAIL) + chars.slice(-KEEP_TAIL).join('');
}

/** maskPhone when `full` is false, the number itself otherwise. */
export const phoneFor = (full: boolean, phone: string | null): string | null => (full ? phone : maskPhone(phone));

/** A member-written text with every mainland mobile number in it masked (the ad detector's rule finds them). */
export function maskPhonesIn(text: string): string {
  let out = '';
  let at = 0;
  for (const f of findPhones(text)) {
    out += text.slice(at, f.start) + maskPhone(f.matched);
    at = f.end;
  }
  return out + text.slice(at);
}
